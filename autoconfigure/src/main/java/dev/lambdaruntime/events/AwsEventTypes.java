package dev.lambdaruntime.events;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import org.springframework.util.ClassUtils;

/**
 * The aws-lambda-java-events types ({@code SQSEvent}, {@code APIGatewayV2HTTPEvent}, ...), read and written with
 * AWS's own rules (aws-lambda-java-serialization), as AWS's Java runtime does: plain Jackson cannot map them
 * faithfully ({@code Records}, {@code detail-type}, DynamoDB attribute values, epoch-second dates).
 */
final class AwsEventTypes {

	static final String PACKAGE = "com.amazonaws.services.lambda.runtime.events.";

	private static final String SERIALIZERS = "com.amazonaws.services.lambda.runtime.serialization.events."
			+ "LambdaEventSerializers";

	private static final ClassValue<Boolean> AWS_TYPES = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			return type.getName().startsWith(PACKAGE);
		}

	};

	private AwsEventTypes() {
	}

	static boolean isAwsType(Type type) {
		return type instanceof Class<?> clazz && AWS_TYPES.get(clazz);
	}

	static boolean canSerialize(ClassLoader classLoader) {
		return ClassUtils.isPresent(SERIALIZERS, classLoader);
	}

	static Object read(byte[] json, Class<?> type) {
		return Serializers.SERIALIZERS.get(type).fromJson(new ByteArrayInputStream(json));
	}

	static byte[] write(Object value) {
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		Serializers.write(value, json);
		return json.toByteArray();
	}

	/**
	 * Loaded only when a function uses AWS types, which also brings aws-lambda-java-serialization.
	 */
	private static final class Serializers {

		static final ClassValue<PojoSerializer<Object>> SERIALIZERS = new ClassValue<>() {

			@Override
			@SuppressWarnings("unchecked")
			protected PojoSerializer<Object> computeValue(Class<?> type) {
				return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, type.getClassLoader());
			}

		};

		static void write(Object value, ByteArrayOutputStream json) {
			SERIALIZERS.get(value.getClass()).toJson(value, json);
		}

	}

}
