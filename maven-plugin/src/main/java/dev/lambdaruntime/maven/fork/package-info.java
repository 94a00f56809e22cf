/**
 * Main classes the plugin runs in JVMs it forks, on the emulator's class path: the AOT cache's training run and the
 * {@code run} goal's local Lambda, and the Lambda variables their runtimes get. They use nothing of Maven.
 */
@NullMarked
package dev.lambdaruntime.maven.fork;

import org.jspecify.annotations.NullMarked;
