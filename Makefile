# turnus: plans shift rosters and measures full-time culture.
# A hand-written GNU Makefile: everything builds, tests and installs here.

# ------------------------------------------------------------ user knobs
PREFIX		?= /usr/local
BINDIR		?= $(PREFIX)/bin
MANDIR		?= $(PREFIX)/share/man
LOCALEDIR	?= $(PREFIX)/share/locale
CC		?= cc
CFLAGS		?= -O2 -g
WARN		 = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
		   -Wmissing-prototypes -Wwrite-strings -Wvla
GLPK_LIBS	?= -lglpk
CSV_LIBS	?= -lcsv
CMOCKA_LIBS	?= -lcmocka
FUZZ_CC		?= clang
FUZZ_TIME	?= 60		# seconds per fuzz target (make fuzz)

# ------------------------------------------------------------- settings
CPPFLAGS	+= -Iinclude -Isrc -D_GNU_SOURCE \
		   -DLOCALEDIR='"$(LOCALEDIR)"'
ALL_CFLAGS	 = -std=c11 $(WARN) $(CFLAGS)
LDLIBS		+= $(GLPK_LIBS) $(CSV_LIBS) -lm

ifdef DEVELOPER
ALL_CFLAGS	+= -Werror
endif

# Each kind of build keeps its own objects, so they never mix.
ifdef SANITIZE
B		 = build/san-$(subst $(comma),-,$(SANITIZE))
ALL_CFLAGS	+= -fsanitize=$(SANITIZE) -fno-omit-frame-pointer \
		   -fno-sanitize-recover=all
LDFLAGS		+= -fsanitize=$(SANITIZE)
else
B		 = build/default
endif
comma		:= ,

# -------------------------------------------------------------- sources
CLI_SRCS	 = src/main.c src/cli.c $(wildcard src/cmd-*.c)
LIB_SRCS	 = $(filter-out $(CLI_SRCS),$(wildcard src/*.c)) src/init-data.c
SOLVER_SRCS	 = $(wildcard solver/*.c)
LIB_OBJS	 = $(patsubst %.c,$(B)/%.o,$(sort $(LIB_SRCS) $(SOLVER_SRCS)))
CLI_OBJS	 = $(patsubst %.c,$(B)/%.o,$(CLI_SRCS))
UNIT_SRCS	 = $(wildcard tests/unit/test_*.c)
UNIT_BINS	 = $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNIT_SRCS))
HEADERS		 = $(wildcard include/turnus/*.h)
MANS		 = $(wildcard man/*.[1-9])
NB_MANS		 = $(wildcard man/nb/*.[1-9])
START_FILES	 = $(sort $(wildcard samples/start/*))

TURNUS		 = $(B)/turnus
MO		 = build/locale/nb/LC_MESSAGES/turnus.mo

# libFuzzer targets (tests/fuzz/fuzz_NAME.c), built with clang in build/fuzz;
# the same targets replayed without libFuzzer by make check-fuzz.
FUZZ_NAMES	 = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_B		 = build/fuzz
FUZZ_CFLAGS	 = -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=all \
		   -fsanitize=fuzzer-no-link,address,undefined
FUZZ_BINS	 = $(patsubst %,$(FUZZ_B)/fuzz_%,$(FUZZ_NAMES))
REPLAY_BINS	 = $(patsubst %,$(B)/tests/replay_%,$(FUZZ_NAMES))

# ---------------------------------------------------------------- rules
.PHONY: all check check-unit check-cli check-headers check-man check-html \
	check-course check-po po \
	check-valgrind check-nrp bench-nrp \
	check-fuzz fuzz-build deps-fuzz FORCE \
	demo deps deps-check lint style install uninstall clean bench fuzz

all: turnus $(MO)

ifdef SANITIZE
turnus: $(TURNUS)
else
turnus: $(TURNUS)
	cp $(TURNUS) turnus
endif

$(B)/libturnus.a: $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $(LIB_OBJS)

$(TURNUS): $(CLI_OBJS) $(B)/libturnus.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJS) $(B)/libturnus.a \
	    $(LDLIBS)

libturnus.a: $(B)/libturnus.a
	cp $< $@

$(B)/%.o: %.c $(HEADERS) $(wildcard src/*.h) $(wildcard solver/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The Norwegian catalogue; turnus finds build/locale from the build tree.
$(MO): po/nb.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ po/nb.po

# The messages marked in the sources (_ N_ P_ C_ NC_), for po/nb.po.
PO_SRCS		 = $(sort $(wildcard src/*.c src/*.h solver/*.c solver/*.h))
build/turnus.pot: $(PO_SRCS)
	@mkdir -p build
	xgettext -o $@ --from-code=UTF-8 --language=C -k_ -kN_ -kP_:1,2 \
	    -kC_:1c,2 -kNC_:1c,2 --add-comments=TRANSLATORS: \
	    --add-location=file \
	    --package-name=turnus $(PO_SRCS)

# turnus init writes the files of samples/start, built in from here.
src/init-data.c: $(START_FILES) tools/embed.sh
	sh tools/embed.sh $(START_FILES) > $@.tmp && mv $@.tmp $@

$(B)/tests/%: tests/unit/%.c $(B)/libturnus.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(B)/libturnus.a $(CMOCKA_LIBS) $(LDLIBS)

$(B)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
    tests/fuzz/fuzz.h $(B)/libturnus.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c \
	    $(B)/libturnus.a $(LDLIBS)

ifneq ($(B),$(FUZZ_B))
$(FUZZ_B)/libturnus.a: FORCE
	$(MAKE) B=$(FUZZ_B) CC=$(FUZZ_CC) CFLAGS='$(FUZZ_CFLAGS)' $@
endif

$(FUZZ_B)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_B)/libturnus.a
	$(FUZZ_CC) $(CPPFLAGS) -std=c11 $(WARN) $(FUZZ_CFLAGS) \
	    -fsanitize=fuzzer -o $@ $< $(FUZZ_B)/libturnus.a $(LDLIBS)

FORCE:

# --------------------------------------------------------------- targets
deps:
	@sh tools/deps.sh build

deps-check:
	@sh tools/deps.sh check

demo: deps-check
	$(MAKE) all
	@sh tools/demo.sh ./turnus

check: deps-check
	$(MAKE) check-unit check-cli check-headers check-fuzz check-man \
	    check-html check-course check-po
	$(MAKE) check-nrp NRP='1 2 3 4'

check-unit: $(UNIT_BINS) $(MO)
	@sh tests/run-unit.sh $(UNIT_BINS)

check-cli: turnus $(MO)
	@TURNUS=$(CURDIR)/$(TURNUS) sh tests/cli/run.sh

# Every course exercise's reference solution passes its own check.
check-course: turnus
	@$(MAKE) -C samples/course check TURNUS=$(CURDIR)/$(TURNUS)

check-man: turnus
	@TURNUS=$(CURDIR)/$(TURNUS) sh tests/man/run.sh

# The HTML pages rendered by headless Chromium; screenshots in
# tests/artifacts/.
check-html: turnus
	@TURNUS=$(CURDIR)/$(TURNUS) sh tests/html/run.sh

# Every marked message has a Norwegian translation in po/nb.po.
check-po: build/turnus.pot
	@sh tests/po/run.sh po/nb.po build/turnus.pot

# po/nb.po brought up to date with the sources: then translate what is new.
po: build/turnus.pot
	msgmerge --quiet --update --backup=none --add-location=file po/nb.po \
	    build/turnus.pot

check-headers:
	@for h in $(HEADERS); do \
	    printf '#include "%s"\n' "$${h#include/}" | \
	    $(CC) $(CPPFLAGS) $(ALL_CFLAGS) -x c -fsyntax-only - || exit 1; \
	done; echo "headers: $(words $(HEADERS)) compile on their own"

# The seed corpora and every input a fuzzer ever crashed on, run once.
check-fuzz: $(REPLAY_BINS)
	@for t in $(FUZZ_NAMES); do \
	    $(B)/tests/replay_$$t tests/fuzz/corpus/$$t \
	    $$(test -d tests/fuzz/regress/$$t && echo tests/fuzz/regress/$$t) \
	    > /dev/null || { echo "fuzz: replay_$$t failed" >&2; exit 1; }; \
	done; echo "fuzz: $(words $(FUZZ_NAMES)) targets replayed"

fuzz-build: $(FUZZ_BINS)

# Each target for FUZZ_TIME seconds (FUZZ=name runs one).
fuzz: deps-fuzz fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_B) $(FUZZ_TIME) $(or $(FUZZ),$(FUZZ_NAMES))

deps-fuzz:
	@sh tools/deps.sh fuzz

check-valgrind: turnus
	@TURNUS=$(CURDIR)/$(TURNUS) VALGRIND=1 sh tests/cli/run.sh

# mandoc on every page; then a clang build with -Werror in its own folder.
lint:
	mandoc -Tlint -Wwarning $(MANS) $(NB_MANS)
	$(MAKE) B=build/clang CC=clang DEVELOPER=1 build/clang/turnus
	$(MAKE) DEVELOPER=1 $(B)/turnus

style:
	clang-format --dry-run --Werror src/*.c src/*.h solver/*.c \
	    include/turnus/*.h

# BENCH names sections (make bench BENCH=plan); PLAN_TIME, PLAN_SIZES too.
bench: all
	@sh tests/bench/run.sh ./turnus $(BENCH)

# The Curtois & Qu benchmark (../shared/benchmarks/curtois): turnus against
# the best known values, CBC and glpsol, NRP_TIME seconds a run (60).
bench-nrp: all
	@sh tools/deps.sh bench
	@sh tests/bench/nrp.sh ./turnus $(NRP)

# plan's objective on every instance equals nrpeval's (tests/nrp).
check-nrp: all
	@sh tests/nrp/run.sh $(CURDIR)/$(TURNUS) $(or $(NRP_TIME),5) $(NRP)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	cp turnus $(DESTDIR)$(BINDIR)/turnus
	for m in $(MANS); do \
	    s=$${m##*.}; cp $$m $(DESTDIR)$(MANDIR)/man$$s/; done
	for m in $(NB_MANS); do \
	    s=$${m##*.}; mkdir -p $(DESTDIR)$(MANDIR)/nb/man$$s && \
	    cp $$m $(DESTDIR)$(MANDIR)/nb/man$$s/ || exit 1; done
	mkdir -p $(DESTDIR)$(LOCALEDIR)/nb/LC_MESSAGES
	cp $(MO) $(DESTDIR)$(LOCALEDIR)/nb/LC_MESSAGES/turnus.mo

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/turnus
	rm -f $(DESTDIR)$(LOCALEDIR)/nb/LC_MESSAGES/turnus.mo
	for m in $(MANS); do \
	    s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done
	for m in $(NB_MANS); do \
	    s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/nb/man$$s/$${m##*/}; done

clean-objs:
	rm -rf build/default

clean:
	rm -rf build turnus libturnus.a src/init-data.c
