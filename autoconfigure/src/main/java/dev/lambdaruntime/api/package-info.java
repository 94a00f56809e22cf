/**
 * Lambda Runtime API wire types and a small blocking HTTP/1.1 client for it; JDK only.
 */
@NullMarked
package dev.lambdaruntime.api;

import org.jspecify.annotations.NullMarked;
