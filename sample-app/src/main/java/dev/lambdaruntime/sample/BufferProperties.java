package dev.lambdaruntime.sample;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code buffer} function.
 *
 * @param directory where chunks are written (Lambda's {@code /tmp} is the only writable place)
 * @param chunkSize how many records make a chunk
 */
@ConfigurationProperties("sample.buffer")
public record BufferProperties(@DefaultValue("/tmp/sample-buffer") Path directory, @DefaultValue("10") int chunkSize) {
}
