/**
 * The runtime loop: workers that take events from the Runtime API, hand them to a handler and send the answers.
 * <p>
 * Applications may implement or replace {@link dev.lambdaruntime.loop.InvocationHandler} (with
 * {@link dev.lambdaruntime.loop.InvocationResponse}), {@link dev.lambdaruntime.loop.InvocationScope} and
 * {@link dev.lambdaruntime.loop.ExitHandler} beans. {@link dev.lambdaruntime.loop.RuntimeLoop} and
 * {@link dev.lambdaruntime.loop.CheckpointHooks} are internal: the auto-configuration builds the loop. docs/api.md
 * draws the line.
 */
@NullMarked
package dev.lambdaruntime.loop;

import org.jspecify.annotations.NullMarked;
