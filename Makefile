# Build and install lexgap with its bundled checklist and templates, shell completions and a man page.
#
#   make install PREFIX=$HOME/.local       # or /usr/local (the default) as root
#   make uninstall PREFIX=...
#
# The binary finds its checklist and templates in the resource bundle beside it, so both go to
# PREFIX/lib/lexgap/, and PREFIX/bin/lexgap is a link to the binary there.
PREFIX ?= /usr/local
CONFIGURATION ?= release
SWIFT ?= swift
BUILD = .build/$(CONFIGURATION)
BUNDLE = lexgap_LexgapResources.resources

.PHONY: build install install-files uninstall man

build:
	$(SWIFT) build -c $(CONFIGURATION) --product lexgap

MANUAL = .build/plugins/GenerateManual/outputs/lexgap/lexgap.1

# argument-parser's plugin writes the page from the commands' own help.
man: build
	$(SWIFT) package generate-manual >/dev/null

install: build man install-files

# Installs an existing build (CONFIGURATION=debug installs the debug build); used by the tests.
install-files:
	install -d "$(PREFIX)/bin" "$(PREFIX)/lib/lexgap" "$(PREFIX)/share/man/man1" \
	  "$(PREFIX)/share/bash-completion/completions" "$(PREFIX)/share/zsh/site-functions" \
	  "$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 "$(BUILD)/lexgap" "$(PREFIX)/lib/lexgap/lexgap"
	rm -rf "$(PREFIX)/lib/lexgap/$(BUNDLE)"
	cp -R "$(BUILD)/$(BUNDLE)" "$(PREFIX)/lib/lexgap/$(BUNDLE)"
	ln -sf ../lib/lexgap/lexgap "$(PREFIX)/bin/lexgap"
	"$(PREFIX)/bin/lexgap" --generate-completion-script bash > "$(PREFIX)/share/bash-completion/completions/lexgap"
	"$(PREFIX)/bin/lexgap" --generate-completion-script zsh > "$(PREFIX)/share/zsh/site-functions/_lexgap"
	"$(PREFIX)/bin/lexgap" --generate-completion-script fish > "$(PREFIX)/share/fish/vendor_completions.d/lexgap.fish"
	if [ -f "$(MANUAL)" ]; then install -m 644 "$(MANUAL)" "$(PREFIX)/share/man/man1/lexgap.1"; fi

uninstall:
	rm -rf "$(PREFIX)/lib/lexgap"
	rm -f "$(PREFIX)/bin/lexgap" "$(PREFIX)/share/man/man1/lexgap.1" \
	  "$(PREFIX)/share/bash-completion/completions/lexgap" "$(PREFIX)/share/zsh/site-functions/_lexgap" \
	  "$(PREFIX)/share/fish/vendor_completions.d/lexgap.fish"
