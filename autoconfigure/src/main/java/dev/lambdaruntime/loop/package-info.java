/**
 * The runtime loop: workers that take events from the Runtime API, hand them to a handler and send the answers.
 */
@NullMarked
package dev.lambdaruntime.loop;

import org.jspecify.annotations.NullMarked;
