package dev.lambdaruntime.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.api.ErrorReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A function error's way to the wire: {@link ErrorReport} from an exception with a cause, and its JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ErrorReportBenchmark {

	private IllegalStateException failure;

	private ErrorReport report;

	@Setup
	public void prepare() {
		this.failure = new IllegalStateException("boom \"quoted\"",
				new IllegalArgumentException("A reading needs a sensor name"));
		this.report = ErrorReport.of(this.failure);
	}

	/**
	 * The JSON of a report already built.
	 * @return the bytes
	 */
	@Benchmark
	public byte[] toJson() {
		return this.report.toJson();
	}

	/**
	 * A report from the exception, then its JSON: what an invocation error costs.
	 * @return the bytes
	 */
	@Benchmark
	public byte[] fromThrowable() {
		return ErrorReport.of(this.failure).toJson();
	}

}
