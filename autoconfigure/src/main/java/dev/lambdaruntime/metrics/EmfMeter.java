package dev.lambdaruntime.metrics;

/**
 * A meter whose recordings are written per invocation: a counter (one sum) or a distribution (every sample).
 */
interface EmfMeter {

	/**
	 * The metric its recordings are written as.
	 * @return the series
	 */
	EmfSeries series();

}
