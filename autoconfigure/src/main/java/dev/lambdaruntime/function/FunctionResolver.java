package dev.lambdaruntime.function;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import dev.lambdaruntime.api.ContentTypes;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.context.config.RoutingFunction;
import org.springframework.util.StringUtils;

/**
 * Chooses the function the runtime serves, once, at start-up: the definition property, else a function bean named by
 * {@code _HANDLER}, else Spring Cloud Function's router when a routing expression is set, else the only function.
 */
final class FunctionResolver {

	/** The output type the runtime asks Spring Cloud Function for, so results arrive as JSON bytes. */
	static final String ACCEPTED_OUTPUT = ContentTypes.JSON;

	private final FunctionCatalog catalog;

	FunctionResolver(FunctionCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Resolves the function.
	 * @param definition {@code spring.cloud.function.definition}, possibly composed ({@code a|b})
	 * @param handler {@code _HANDLER}, used when it names a function
	 * @param routing whether {@code spring.cloud.function.routing-expression} is set
	 * @return the function, ready to invoke
	 * @throws FunctionResolutionException when nothing fits, naming the functions there are
	 */
	FunctionInvocationWrapper resolve(@Nullable String definition, @Nullable String handler, boolean routing) {
		if (StringUtils.hasText(definition)) {
			return lookup(definition.trim(), "spring.cloud.function.definition");
		}
		Set<String> names = userFunctionNames();
		if (StringUtils.hasText(handler) && names.contains(handler.trim())) {
			return lookup(handler.trim(), "_HANDLER");
		}
		if (routing) {
			return lookup(RoutingFunction.FUNCTION_NAME, "spring.cloud.function.routing-expression");
		}
		if (names.size() == 1) {
			return lookup(names.iterator().next(), "the only function in the context");
		}
		if (names.isEmpty()) {
			throw new FunctionResolutionException("No function to serve: the context has no Function, Consumer "
					+ "or Supplier bean. Add one and name it with spring.cloud.function.definition");
		}
		throw new FunctionResolutionException("Several functions could serve " + names
				+ ": choose one with spring.cloud.function.definition");
	}

	private FunctionInvocationWrapper lookup(String definition, String source) {
		// Checked here: for an unknown name the catalog quietly falls back to its only function.
		Set<String> known = this.catalog.getNames(null);
		boolean allKnown = Arrays.stream(definition.split("[|,]")).map(String::trim).allMatch(known::contains);
		FunctionInvocationWrapper function = allKnown ? this.catalog.lookup(definition, ACCEPTED_OUTPUT) : null;
		if (function == null) {
			throw new FunctionResolutionException("No function '" + definition + "' (from " + source
					+ ") in the context; functions there are " + userFunctionNames());
		}
		return function;
	}

	private Set<String> userFunctionNames() {
		Set<String> names = new TreeSet<>(this.catalog.getNames(null));
		names.remove(RoutingFunction.FUNCTION_NAME);
		names.remove(RoutingFunction.DEFAULT_ROUTE_HANDLER);
		return names;
	}

}
