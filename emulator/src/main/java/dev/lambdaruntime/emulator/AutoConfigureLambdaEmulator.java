package dev.lambdaruntime.emulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link LambdaEmulator} before a Spring test's context refreshes, sets {@code lambda.runtime.api} to its
 * address, registers it as a bean and closes it with the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureLambdaEmulator {

	/**
	 * The function name.
	 * @return the function name
	 */
	String functionName() default "function";

	/**
	 * The function timeout, for example {@code 500ms}, {@code 5s} or {@code PT1M}.
	 * @return the timeout
	 */
	String timeout() default "30s";

	/**
	 * How many invocations may be handed out at once.
	 * @return the concurrency
	 */
	int concurrency() default 1;

	/**
	 * Whether the runtime must call {@code /runtime/restore/next} first.
	 * @return whether SnapStart is on
	 */
	boolean snapStart() default false;

	/**
	 * Whether to send {@code Lambda-Runtime-Invocation-Id} and require its echo.
	 * @return whether invocation ids are checked
	 */
	boolean invocationIds() default false;

}
