# sam build (BuildMethod: makefile) calls build-<LogicalId> with ARTIFACTS_DIR set. The targets are the
# functions template.yaml builds with the Makefile, as esbuild.config.mjs lists them; every target goes
# through esbuild.config.mjs, the project's one build definition.
FUNCTIONS := $(shell node esbuild.config.mjs --list)
ifeq ($(strip $(FUNCTIONS)),)
$(error esbuild.config.mjs --list named no function; run npm ci, and check template.yaml)
endif
TARGETS := $(addprefix build-,$(FUNCTIONS))

$(TARGETS):
	node esbuild.config.mjs $(@:build-%=%) "$(ARTIFACTS_DIR)"

.PHONY: $(TARGETS)
