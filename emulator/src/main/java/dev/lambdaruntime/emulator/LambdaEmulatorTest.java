package dev.lambdaruntime.emulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.lambdaruntime.emulator.testsupport.LambdaEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test a started {@link LambdaEmulator}, injected into test method parameters and non-static fields of
 * that type, and closed after the test.
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LambdaEmulatorExtension.class)
public @interface LambdaEmulatorTest {

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
	 * The memory size in MB.
	 * @return the memory size
	 */
	int memoryMb() default 512;

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
