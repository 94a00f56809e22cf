/**
 * Auto-configuration that runs the Lambda runtime loop in a Spring Boot application: glue only.
 */
@NullMarked
package dev.lambdaruntime.autoconfigure;

import org.jspecify.annotations.NullMarked;
