# sam build (BuildMethod: makefile) calls build-<LogicalId> with ARTIFACTS_DIR set.
# Every target goes through esbuild.config.mjs, the project's one build definition.
build-TransformFunction build-EndpointCheckFunction build-PackInstallFunction:
	node esbuild.config.mjs $(subst build-,,$@) "$(ARTIFACTS_DIR)"

.PHONY: build-TransformFunction build-EndpointCheckFunction build-PackInstallFunction
