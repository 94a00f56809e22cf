package dev.lambdaruntime.maven;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a zip that Lambda unpacks as it was built: Unix modes kept (the bootstrap and the JRE's launchers stay
 * executable), every entry at {@link FileTimes#FIXED} both as a DOS time in UTC and as the extended UTC timestamp
 * that {@code unzip} reads (the AOT cache refuses a jar whose time changed), entries in the order given. The same
 * input gives the same bytes. {@link java.util.zip.ZipOutputStream} cannot write Unix modes, hence this small writer.
 */
final class ReproducibleZip implements Closeable {

	private static final int VERSION = 20;

	private static final int MADE_BY_UNIX = (3 << 8) | VERSION;

	private static final int UTF8_NAMES = 0x0800;

	private static final long MAX = 0xFFFFFFFFL;

	private final Output out;

	private final ByteArrayOutputStream central = new ByteArrayOutputStream();

	private final Set<String> names = new HashSet<>();

	private int entries;

	ReproducibleZip(Path file) throws IOException {
		Files.deleteIfExists(file);
		this.out = new Output(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
	}

	/**
	 * Adds every directory and file under {@code root}, sorted by path, modes from the file system.
	 * @param root the tree
	 * @param prefix the entries' prefix: empty, or a directory name ending in {@code /}
	 */
	void addTree(Path root, String prefix) throws IOException {
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(root)) {
			paths = walk.filter((path) -> !path.equals(root)).sorted().toList();
		}
		for (Path path : paths) {
			String name = prefix + root.relativize(path).toString().replace('\\', '/');
			if (Files.isDirectory(path)) {
				addDirectory(name + "/");
			}
			else {
				addFile(name, path, mode(path));
			}
		}
	}

	void addDirectory(String name) throws IOException {
		add(name, new byte[0], 0, 0, 0040755, ZipMethod.STORED);
	}

	void addFile(String name, Path file, int mode) throws IOException {
		CRC32 crc = new CRC32();
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		long size = 0;
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		try (InputStream in = Files.newInputStream(file);
				DeflaterOutputStream deflating = new DeflaterOutputStream(compressed, deflater)) {
			byte[] buffer = new byte[64 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				crc.update(buffer, 0, read);
				deflating.write(buffer, 0, read);
				size += read;
			}
		}
		finally {
			deflater.end();
		}
		add(name, compressed.toByteArray(), size, crc.getValue(), 0100000 | mode, ZipMethod.DEFLATED);
	}

	void addBytes(String name, byte[] content, int mode) throws IOException {
		CRC32 crc = new CRC32();
		crc.update(content);
		add(name, content, content.length, crc.getValue(), 0100000 | mode, ZipMethod.STORED);
	}

	boolean contains(String name) {
		return this.names.contains(name);
	}

	private void add(String name, byte[] data, long size, long crc, int unixMode, ZipMethod method)
			throws IOException {
		if (!this.names.add(name)) {
			throw new IllegalStateException("Two zip entries named " + name);
		}
		if (size > MAX || this.out.offset > MAX || this.entries == 0xFFFF) {
			throw new IllegalStateException("The zip would need ZIP64 (over 4 GB or 65,535 entries) at " + name);
		}
		byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
		byte[] extra = extendedTimestamp();
		long offset = this.out.offset;
		Output local = this.out;
		local.int32(0x04034b50);
		local.int16(VERSION);
		local.int16(UTF8_NAMES);
		header(local, method, crc, data.length, size, nameBytes, extra);
		local.bytes(nameBytes);
		local.bytes(extra);
		local.bytes(data);
		Output cen = new Output(this.central);
		cen.int32(0x02014b50);
		cen.int16(MADE_BY_UNIX);
		cen.int16(VERSION);
		cen.int16(UTF8_NAMES);
		header(cen, method, crc, data.length, size, nameBytes, extra);
		cen.int16(0); // comment
		cen.int16(0); // disk
		cen.int16(0); // internal attributes
		cen.int32((long) unixMode << 16);
		cen.int32(offset);
		cen.bytes(nameBytes);
		cen.bytes(extra);
		this.entries++;
	}

	private static void header(Output out, ZipMethod method, long crc, long compressed, long size, byte[] name,
			byte[] extra) throws IOException {
		out.int16(method.code);
		out.int32(dosTime());
		out.int32(crc);
		out.int32(compressed);
		out.int32(size);
		out.int16(name.length);
		out.int16(extra.length);
	}

	/** DOS time fields in UTC, as Lambda, which runs in UTC, reads them. */
	static long dosTime() {
		LocalDateTime time = LocalDateTime.ofInstant(FileTimes.FIXED, ZoneOffset.UTC);
		return ((long) (time.getYear() - 1980) << 25) | ((long) time.getMonthValue() << 21)
				| ((long) time.getDayOfMonth() << 16) | ((long) time.getHour() << 11) | ((long) time.getMinute() << 5)
				| (time.getSecond() >> 1);
	}

	/** The extended timestamp field (0x5455): modification time, seconds since the epoch. */
	private static byte[] extendedTimestamp() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Output field = new Output(bytes);
		field.int16(0x5455);
		field.int16(5);
		bytes.write(1);
		field.int32(FileTimes.FIXED.getEpochSecond());
		return bytes.toByteArray();
	}

	static int mode(Path file) throws IOException {
		try {
			int mode = 0;
			for (PosixFilePermission permission : Files.getPosixFilePermissions(file)) {
				mode |= 0400 >> permission.ordinal();
			}
			return mode;
		}
		catch (UnsupportedOperationException ex) {
			return Files.isExecutable(file) ? 0755 : 0644;
		}
	}

	@Override
	public void close() throws IOException {
		long start = this.out.offset;
		byte[] directory = this.central.toByteArray();
		this.out.bytes(directory);
		this.out.int32(0x06054b50);
		this.out.int16(0);
		this.out.int16(0);
		this.out.int16(this.entries);
		this.out.int16(this.entries);
		this.out.int32(directory.length);
		this.out.int32(start);
		this.out.int16(0);
		this.out.close();
	}

	private enum ZipMethod {

		STORED(0), DEFLATED(8);

		private final int code;

		ZipMethod(int code) {
			this.code = code;
		}

	}

	/** Little-endian output that counts its bytes. */
	private static final class Output implements Closeable {

		private final OutputStream out;

		private long offset;

		Output(OutputStream out) {
			this.out = out;
		}

		void int16(int value) throws IOException {
			this.out.write(value & 0xFF);
			this.out.write((value >>> 8) & 0xFF);
			this.offset += 2;
		}

		void int32(long value) throws IOException {
			int16((int) (value & 0xFFFF));
			int16((int) ((value >>> 16) & 0xFFFF));
		}

		void bytes(byte[] bytes) throws IOException {
			this.out.write(bytes);
			this.offset += bytes.length;
		}

		@Override
		public void close() throws IOException {
			this.out.close();
		}

	}

}
