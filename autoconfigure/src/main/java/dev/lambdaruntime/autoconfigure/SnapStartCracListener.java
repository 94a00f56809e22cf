package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.api.LambdaEnvironment;
import dev.lambdaruntime.snapstart.CracCheckpointHooks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Where the runtime loop will drive a SnapStart environment, points {@code org.crac} at the runtime's own CRaC
 * implementation once the environment is prepared: before the application context exists, so before Spring Framework
 * (or anything else) touches {@code org.crac.Core}, which reads the choice once. Under a managed Java runtime AWS's
 * client has its own, and it is left alone.
 */
class SnapStartCracListener implements SpringApplicationRunListener {

	SnapStartCracListener(SpringApplication application, String[] args) {
	}

	@Override
	public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
			ConfigurableEnvironment environment) {
		// Only what decides: another malformed variable fails start-up where the runtime reads it, by name.
		LambdaEnvironment lambda = LambdaEnvironment.only(environment::getProperty,
				LambdaEnvironment.INITIALIZATION_TYPE, LambdaEnvironment.EXECUTION_ENV);
		if (lambda.isSnapStart() && !lambda.isManagedJavaRuntime()) {
			CracCheckpointHooks.install();
		}
	}

}
