/**
 * lambda-runtime-maven-plugin: the goals {@code package} (function.zip, managed.zip, a container build context and a
 * SAM template) and {@code run} (the application on a local Lambda emulator), and the steps they are made of.
 */
@NullMarked
package dev.lambdaruntime.maven;

import org.jspecify.annotations.NullMarked;
