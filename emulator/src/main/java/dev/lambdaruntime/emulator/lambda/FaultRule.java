package dev.lambdaruntime.emulator.lambda;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lambdaruntime.emulator.Endpoint;
import dev.lambdaruntime.emulator.Fault;
import dev.lambdaruntime.emulator.Faults;

/**
 * A fault as the command line gives it: {@code --fault next=status:500*3} for the next three requests to an endpoint,
 * {@code --random-fault response,error=drop-response@0.01} at random.
 *
 * @param endpoints where; every endpoint for a random rule that names none
 * @param fault the fault
 * @param times how many requests a scripted rule takes, 0 for a random rule
 * @param probability the chance per request of a random rule, 0 for a scripted rule
 */
public record FaultRule(Set<Endpoint> endpoints, Fault fault, int times, double probability) {

	/**
	 * Reads {@code <endpoint>=<fault>[*<times>]}.
	 * @param text the option's value
	 * @return the rule
	 * @throws IllegalArgumentException saying what is wrong
	 */
	public static FaultRule scripted(String text) {
		int equals = text.indexOf('=');
		if (equals <= 0) {
			throw new IllegalArgumentException("--fault takes <endpoint>=<fault>[*<times>], for example next=status:500*2");
		}
		String fault = text.substring(equals + 1);
		int times = 1;
		int star = fault.lastIndexOf('*');
		if (star >= 0) {
			times = number(fault.substring(star + 1), "times");
			fault = fault.substring(0, star);
		}
		return new FaultRule(EnumSet.of(Endpoint.fromCliName(text.substring(0, equals))), parse(fault), times, 0);
	}

	/**
	 * Reads {@code [<endpoint>[,<endpoint>...]=]<fault>@<probability>}.
	 * @param text the option's value
	 * @return the rule
	 * @throws IllegalArgumentException saying what is wrong
	 */
	public static FaultRule random(String text) {
		int at = text.lastIndexOf('@');
		if (at <= 0) {
			throw new IllegalArgumentException(
					"--random-fault takes [<endpoint>,...=]<fault>@<probability>, for example next=drop-response@0.01");
		}
		double probability;
		try {
			probability = Double.parseDouble(text.substring(at + 1));
		}
		catch (NumberFormatException ex) {
			probability = -1;
		}
		if (!(probability >= 0 && probability <= 1)) {
			throw new IllegalArgumentException("--random-fault needs a probability from 0 to 1 after @, not '"
					+ text.substring(at + 1) + "'");
		}
		String rule = text.substring(0, at);
		int equals = rule.indexOf('=');
		Set<Endpoint> endpoints = EnumSet.allOf(Endpoint.class);
		if (equals >= 0) {
			endpoints = EnumSet.noneOf(Endpoint.class);
			for (String name : rule.substring(0, equals).split(",", -1)) {
				endpoints.add(Endpoint.fromCliName(name));
			}
		}
		return new FaultRule(endpoints, parse(rule.substring(equals + 1)), 0, probability);
	}

	/**
	 * Reads a fault: {@code drop-request}, {@code reset-connection}, {@code drop-response},
	 * {@code close-after-response}, {@code stall:2s}, {@code trickle:1:10ms}, {@code status:502},
	 * {@code truncated-body}, {@code malformed-status-line}, {@code malformed-headers}, {@code oversized-headers},
	 * {@code wrong-content-length} or {@code broken-chunking}.
	 * @param text the fault
	 * @return the fault
	 * @throws IllegalArgumentException saying what is wrong
	 */
	public static Fault parse(String text) {
		String[] parts = text.split(":", -1);
		Fault.Kind kind = kind(parts[0]);
		int arguments = switch (kind) {
			case STALL, STATUS -> 1;
			case TRICKLE -> 2;
			default -> 0;
		};
		if (parts.length != arguments + 1) {
			throw new IllegalArgumentException("Fault '" + text + "' takes " + arguments + " argument"
					+ ((arguments == 1) ? "" : "s") + "; for example " + example(kind));
		}
		return switch (kind) {
			case STALL -> Fault.stall(Durations.parse(parts[1]));
			case TRICKLE -> Fault.trickle(number(parts[1], "bytes"), Durations.parse(parts[2]));
			case STATUS -> Fault.status(number(parts[1], "status"));
			case DROP_REQUEST -> Fault.dropRequest();
			case RESET_CONNECTION -> Fault.resetConnection();
			case DROP_RESPONSE -> Fault.dropResponse();
			case CLOSE_AFTER_RESPONSE -> Fault.closeAfterResponse();
			case TRUNCATED_BODY -> Fault.truncatedBody();
			case MALFORMED_STATUS_LINE -> Fault.malformedStatusLine();
			case MALFORMED_HEADERS -> Fault.malformedHeaders();
			case OVERSIZED_HEADERS -> Fault.oversizedHeaders();
			case WRONG_CONTENT_LENGTH -> Fault.wrongContentLength();
			case BROKEN_CHUNKING -> Fault.brokenChunking();
		};
	}

	/**
	 * Adds this rule to an emulator's faults.
	 * @param faults the faults
	 */
	public void applyTo(Faults faults) {
		if (this.times > 0) {
			this.endpoints.forEach((endpoint) -> faults.next(endpoint, this.fault, this.times));
		}
		else {
			faults.random(this.fault, this.probability, this.endpoints.toArray(Endpoint[]::new));
		}
	}

	/**
	 * The rule as the command line writes it.
	 */
	@Override
	public String toString() {
		String where = this.endpoints.stream().map(Endpoint::cliName).collect(Collectors.joining(","));
		return (this.times > 0) ? where + "=" + this.fault + "*" + this.times
				: where + "=" + this.fault + "@" + this.probability;
	}

	private static Fault.Kind kind(String name) {
		for (Fault.Kind kind : Fault.Kind.values()) {
			if (kind.cliName().equals(name)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown fault '" + name + "'; use one of drop-request, reset-connection, "
				+ "drop-response, close-after-response, stall:<duration>, trickle:<bytes>:<pause>, status:<code>, "
				+ "truncated-body, malformed-status-line, malformed-headers, oversized-headers, "
				+ "wrong-content-length, broken-chunking");
	}

	private static String example(Fault.Kind kind) {
		return switch (kind) {
			case STALL -> "stall:2s";
			case TRICKLE -> "trickle:1:10ms";
			case STATUS -> "status:502";
			default -> kind.cliName();
		};
	}

	private static int number(String text, String what) {
		try {
			int number = Integer.parseInt(text);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below.
		}
		throw new IllegalArgumentException("Fault " + what + " must be a positive number, not '" + text + "'");
	}

}
