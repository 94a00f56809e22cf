package dev.lambdaruntime.events;

import java.util.List;
import java.util.Map;

import dev.lambdaruntime.emulator.InvokeResult;
import dev.lambdaruntime.events.EventFunctions.Order;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API Gateway (REST and HTTP API), ALB and Function URL events through the real loop and the emulator.
 */
class HttpEventsTests {

	private final EventRuntime runtime = new EventRuntime();

	@AfterEach
	void close() {
		this.runtime.close();
	}

	@Test
	void httpApiGivesAPojoFunctionTheBodyAndWrapsTheResult() {
		this.runtime.serving("order").run((context) -> {
			assertThat(this.runtime.answer("api-gateway-http.json")).isStrictlyEqualTo("{\"statusCode\":200,"
					+ "\"headers\":{\"Content-Type\":\"application/json\"},"
					+ "\"body\":\"{\\\"item\\\":\\\"book\\\",\\\"quantity\\\":2,\\\"status\\\":\\\"received\\\"}\","
					+ "\"isBase64Encoded\":false}");
			assertThat(context.getBean(EventFunctions.class).payloads()).containsExactly(new Order("book", 2));
		});
	}

	@Test
	void httpApiDescribesTheRequestInHeadersAndTakesStatusHeadersAndCookiesFromTheResult() {
		this.runtime.serving("create").run((context) -> {
			assertThat(this.runtime.answer("api-gateway-http.json")).isStrictlyEqualTo("{\"statusCode\":201,"
					+ "\"headers\":{\"Location\":\"/orders/42\",\"Content-Type\":\"application/json\"},"
					+ "\"cookies\":[\"session=abc; Secure\",\"theme=dark\"],"
					+ "\"body\":\"{\\\"item\\\":\\\"book\\\",\\\"quantity\\\":2,\\\"status\\\":\\\"received\\\"}\","
					+ "\"isBase64Encoded\":false}");
			Message<?> message = context.getBean(EventFunctions.class).seen.get(0);
			assertThat(message.getHeaders()).containsEntry(EventHeaders.EVENT_SOURCE, "api-gateway-http")
				.containsEntry(EventHeaders.HTTP_METHOD, "POST")
				.containsEntry(EventHeaders.HTTP_PATH, "/orders/42")
				.containsEntry(EventHeaders.HTTP_PATH_PARAMETERS, Map.of("id", "42"))
				.containsEntry(EventHeaders.HTTP_QUERY_PARAMETERS,
						Map.of("parameter1", "value1,value2", "parameter2", "value"))
				.containsEntry(EventHeaders.HTTP_COOKIES, List.of("cookie1=one", "cookie2=two"))
				.containsEntry(EventHeaders.HTTP_AUTHORIZER_CLAIMS, Map.of("sub", "user-123", "scope", "orders"));
			assertThat(EventFunctions.headerMap(message, EventHeaders.HTTP_HEADERS)).containsEntry("Content-Type",
					"application/json");
			assertThat(EventFunctions.headerMap(message, EventHeaders.HTTP_REQUEST_CONTEXT)).containsEntry("stage",
					"$default");
		});
	}

	@Test
	void restApiAnswersWithMultiValueHeadersAsTheRequestHadThem() {
		this.runtime.serving("create").run((context) -> {
			assertThat(this.runtime.answer("api-gateway-rest.json")).isStrictlyEqualTo("{\"statusCode\":201,"
					+ "\"multiValueHeaders\":{\"Location\":[\"/orders/42\"],"
					+ "\"Set-Cookie\":[\"session=abc; Secure\",\"theme=dark\"],"
					+ "\"Content-Type\":[\"application/json\"]},"
					+ "\"body\":\"{\\\"item\\\":\\\"book\\\",\\\"quantity\\\":2,\\\"status\\\":\\\"received\\\"}\","
					+ "\"isBase64Encoded\":false}");
			Message<?> message = context.getBean(EventFunctions.class).seen.get(0);
			assertThat(message.getHeaders()).containsEntry(EventHeaders.EVENT_SOURCE, "api-gateway-rest")
				.containsEntry(EventHeaders.HTTP_METHOD, "POST")
				.containsEntry(EventHeaders.HTTP_PATH, "/orders/42")
				.containsEntry(EventHeaders.HTTP_PATH_PARAMETERS, Map.of("id", "42"))
				.containsEntry(EventHeaders.HTTP_QUERY_PARAMETERS,
						Map.of("parameter1", "value2", "parameter2", "value"))
				.containsEntry(EventHeaders.HTTP_AUTHORIZER_CLAIMS,
						Map.of("sub", "user-123", "email", "jane@example.com"));
			assertThat(EventFunctions.headerMap(message, EventHeaders.HTTP_HEADERS)).containsEntry("x-custom",
					"one,two");
		});
	}

	@Test
	void functionUrlDecodesABase64Body() {
		this.runtime.serving("order").run((context) -> {
			assertThat(this.runtime.answer("function-url.json")).isStrictlyEqualTo("{\"statusCode\":200,"
					+ "\"headers\":{\"Content-Type\":\"application/json\"},"
					+ "\"body\":\"{\\\"item\\\":\\\"pen\\\",\\\"quantity\\\":3,\\\"status\\\":\\\"received\\\"}\","
					+ "\"isBase64Encoded\":false}");
			assertThat(context.getBean(EventFunctions.class).payloads()).containsExactly(new Order("pen", 3));
		});
	}

	@Test
	void functionUrlIsNamedAsSuch() {
		this.runtime.serving("describe").run((context) -> {
			this.runtime.invoke("function-url.json");
			assertThat(context.getBean(EventFunctions.class).seen.get(0).getHeaders())
				.containsEntry(EventHeaders.EVENT_SOURCE, "function-url");
		});
	}

	@Test
	void albGetWithAnEmptyBodyIsAnEmptyInputAndAnswersWithAStatusDescription() {
		this.runtime.serving("describe").run((context) -> {
			assertThat(this.runtime.answer("alb.json")).isStrictlyEqualTo("{\"statusCode\":200,"
					+ "\"statusDescription\":\"200 OK\",\"headers\":{\"Content-Type\":\"application/json\"},"
					+ "\"body\":\"\\\"GET /lambda body=[]\\\"\",\"isBase64Encoded\":false}");
			Message<?> message = context.getBean(EventFunctions.class).seen.get(0);
			assertThat(message.getHeaders()).containsEntry(EventHeaders.EVENT_SOURCE, "alb")
				.containsEntry(EventHeaders.HTTP_QUERY_PARAMETERS, Map.of("query", "1234ABCD", "q", "a b"));
		});
	}

	@Test
	void albWithMultiValueHeadersGetsMultiValueHeadersBack() {
		this.runtime.serving("page").run((context) -> assertThat(this.runtime.answer("alb-multi-value.json"))
			.isStrictlyEqualTo("{\"statusCode\":200,\"statusDescription\":\"200 OK\","
					+ "\"multiValueHeaders\":{\"Set-Cookie\":[\"a=1\",\"b=2\"],\"Content-Type\":[\"text/html\"]},"
					+ "\"body\":\"<p>hello</p>\",\"isBase64Encoded\":false}"));
	}

	@Test
	void base64EncodesABinaryBody() {
		this.runtime.serving("pixel").run((context) -> assertThat(this.runtime.answer("api-gateway-http.json"))
			.isStrictlyEqualTo("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"image/png\"},"
					+ "\"body\":\"iVBORw==\",\"isBase64Encoded\":true}"));
	}

	@Test
	void aSupplierAnswersAGet() {
		this.runtime.serving("latest").run((context) -> assertThat(this.runtime.answer("alb.json"))
			.isStrictlyEqualTo("{\"statusCode\":200,\"statusDescription\":\"200 OK\","
					+ "\"headers\":{\"Content-Type\":\"application/json\"},"
					+ "\"body\":\"{\\\"item\\\":\\\"latest\\\",\\\"quantity\\\":1,\\\"status\\\":\\\"received\\\"}\","
					+ "\"isBase64Encoded\":false}"));
	}

	@Test
	void aBodyThatIsNotTheInputTypeIsA400() {
		String event = EventRuntime.event("api-gateway-http.json")
			.replace("\"body\": \"{\\\"item\\\":\\\"book\\\",\\\"quantity\\\":2}\"", "\"body\": \"{not json\"");
		this.runtime.serving("order").run((context) -> {
			InvokeResult result = this.runtime.emulator().invoke(event);
			assertThat(result.functionError()).isNull();
			JsonContent answer = new JsonContent(result.payloadAsString());
			assertThat(answer).extractingPath("$.statusCode").isEqualTo(400);
			assertThat(answer).extractingPath("$.headers").isEqualTo(Map.of("Content-Type", "application/json"));
			assertThat(answer).extractingPath("$.body")
				.asString()
				.startsWith("{\"message\":\"The body is not a valid Order: Unexpected character ('n'");
			assertThat(answer).extractingPath("$.isBase64Encoded").isEqualTo(false);
			assertThat(context.getBean(EventFunctions.class).seen).isEmpty();
		});
	}

	@Test
	void aFunctionExceptionIsA500() {
		this.runtime.serving("explode").run((context) -> {
			InvokeResult result = this.runtime.emulator().invoke(EventRuntime.event("api-gateway-rest.json"));
			assertThat(result.functionError()).isNull();
			assertThat(new JsonContent(result.payloadAsString())).isStrictlyEqualTo("{\"statusCode\":500,"
					+ "\"multiValueHeaders\":{\"Content-Type\":[\"application/json\"]},"
					+ "\"body\":\"{\\\"message\\\":\\\"Internal Server Error\\\"}\",\"isBase64Encoded\":false}");
		});
	}

	@Test
	void aPojoFunctionThatRejectsItsInputIsA500UnlessItSaysOtherwise() {
		String event = EventRuntime.event("api-gateway-http.json").replace("\\\"quantity\\\":2", "\\\"quantity\\\":0");
		this.runtime.serving("order")
			.run((context) -> assertThat(new JsonContent(this.runtime.emulator().invoke(event).payloadAsString()))
				.extractingPath("$.statusCode")
				.isEqualTo(500));
	}

}
