/**
 * Auto-configuration that runs the Lambda runtime loop in a Spring Boot application: glue only.
 * <p>
 * Applications configure it through {@link dev.lambdaruntime.autoconfigure.LambdaRuntimeProperties}
 * ({@code lambda.runtime.*}) and may exclude its auto-configuration classes; everything else here is package-private.
 * docs/api.md draws the line.
 */
@NullMarked
package dev.lambdaruntime.autoconfigure;

import org.jspecify.annotations.NullMarked;
