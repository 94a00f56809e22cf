/**
 * Demo functions for Lambda Runtime for Spring Boot.
 */
package dev.lambdaruntime.sample;
