package dev.lambdaruntime.metrics;

/**
 * What one metric has to write: one number, or the samples a distribution recorded.
 *
 * @param series the metric
 * @param values its value, or its samples
 */
record EmfEntry(EmfSeries series, double[] values) {

	static EmfEntry of(EmfSeries series, double value) {
		return new EmfEntry(series, new double[] { value });
	}

}
