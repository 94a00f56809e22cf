package dev.lambdaruntime.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes recordings as EMF documents: an invocation's at its end (with the cold start when it is the first), then what
 * was recorded outside invocations and, when due, the gauges; and everything not yet written when asked to flush.
 */
final class RecordingWriter {

	private static final Logger logger = LoggerFactory.getLogger(RecordingWriter.class);

	private final MetricsSettings settings;

	private final MetricsOutput output;

	private final Clock clock;

	private final Recordings recordings;

	private final GaugeSampler gauges;

	private final EmfDocuments documents;

	private final ColdStart coldStart = new ColdStart();

	private final EmfSeries coldStartSeries;

	private final EmfSeries restoreSeries;

	RecordingWriter(MetricsSettings settings, MetricsOutput output, Clock clock, Recordings recordings,
			GaugeSampler gauges, EmfSeries coldStartSeries, EmfSeries restoreSeries) {
		this.settings = settings;
		this.output = output;
		this.clock = clock;
		this.recordings = recordings;
		this.gauges = gauges;
		this.documents = new EmfDocuments(settings.namespace());
		this.coldStartSeries = coldStartSeries;
		this.restoreSeries = restoreSeries;
		// Loads what writing a document takes now, at start-up (before a snapshot), not in the first invocation.
		this.documents.write(List.of(EmfEntry.of(coldStartSeries, 1)), clock.wallTime(), null);
	}

	/**
	 * Writes what an invocation recorded, then what was recorded outside invocations and, when due, the gauges; and
	 * stops recording it. Never throws: metrics do not fail an invocation.
	 * @param recording where it recorded
	 * @param first whether it may be the environment's first invocation (not the rest of a streamed one)
	 */
	void exit(Recording recording, boolean first) {
		try {
			int start = (first && this.settings.coldStart()) ? this.coldStart.claim() : ColdStart.WARM;
			if (start != ColdStart.WARM || !recording.isEmpty()) {
				List<EmfEntry> entries = new ArrayList<>();
				if (start != ColdStart.WARM) {
					entries.add(EmfEntry.of(this.coldStartSeries, 1));
				}
				if (start == ColdStart.RESTORED) {
					entries.add(EmfEntry.of(this.restoreSeries, 1));
				}
				recording.drainTo(entries);
				write(entries, recording.requestId());
			}
			writeOutside();
			if (this.gauges.claim()) {
				write(this.gauges.sample(), null);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Writing the metrics of invocation {} failed", recording.requestId(), ex);
		}
		finally {
			this.recordings.exit(recording);
		}
	}

	/**
	 * Writes what was recorded outside invocations, and what the invocations still being served recorded so far,
	 * and samples the gauges: nothing recorded is dropped.
	 */
	void flush() {
		for (Recording recording : this.recordings.all()) {
			if (!recording.isEmpty()) {
				writeDrained(recording, recording.requestId());
			}
		}
		writeOutside();
		write(this.gauges.sample(), null);
	}

	/**
	 * Forgets what was recorded before a SnapStart snapshot, and makes the next invocation the restored environment's
	 * first.
	 */
	void afterRestore() {
		this.recordings.outside().discard();
		this.recordings.all().forEach(Recording::discard);
		// What function counters and timers counted before the snapshot is forgotten too.
		this.gauges.sample();
		this.coldStart.restored();
	}

	private void writeOutside() {
		Recording outside = this.recordings.outside();
		if (!outside.isEmpty()) {
			writeDrained(outside, null);
		}
	}

	private void writeDrained(Recording recording, @Nullable String requestId) {
		List<EmfEntry> entries = new ArrayList<>();
		recording.drainTo(entries);
		write(entries, requestId);
	}

	private void write(List<EmfEntry> entries, @Nullable String requestId) {
		if (entries.isEmpty()) {
			return;
		}
		for (String line : this.documents.write(entries, this.clock.wallTime(), requestId)) {
			this.output.write(line);
		}
	}

}
