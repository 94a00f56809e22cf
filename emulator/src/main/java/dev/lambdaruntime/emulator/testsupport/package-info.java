/**
 * The JUnit 5 extension and the Spring TestContext customizer behind the emulator's test annotations; internal, may
 * change without notice.
 */
@NullMarked
package dev.lambdaruntime.emulator.testsupport;

import org.jspecify.annotations.NullMarked;
