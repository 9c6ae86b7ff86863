# Sourced by the cmd of the bad-* and out-* tests (the hostile-input
# catalogue and the output-file tests): makes a valid case "ward" in a
# scratch folder and cd's there; the test then spoils one file and runs
# turnus through "run", which adds -o out.txt and says afterwards what
# was left in the folder besides the case (nothing, when all is well).
set -u
scratch=$(mktemp -d "${TMPDIR:-/tmp}/turnus-bad.XXXXXX")
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
cd "$scratch" || exit 99
mkdir ward
cat > ward/shifts.csv <<'EOF'
code;name;start;end;hours;covers
D;Dag;07:00;15:00;7,5;
A;Aften;15:00;23:00;;
N;Natt;23:00;07:30;;
L;Langvakt;08:00;20:30;12;D A
F;Fri;;;;
EOF
cat > ward/roster.csv <<'EOF'
id;name;position_pct;1;2;3;4;5;6;7
1;Kari Nordmann;100;D;D;A;;;L;L
2;Per Hansen;75;A;A;;N;N;;
3;Ola Olsen;50;;;D;D;A;;
EOF
cat > ward/staff.csv <<'EOF'
id;name;role;position_pct;wanted_pct
1;Kari Nordmann;spl;100;100
2;Per Hansen;hjelp;75;100
3;Ola Olsen;spl;50;
EOF
cat > ward/demand.csv <<'EOF'
day;shift;min
all;D;1
EOF

# run ARGS...: turnus ARGS -o out.txt (unless ARGS name their own -o);
# prints what it left behind and exits with turnus's status.
run() {
	case " $* " in
	*" -o "*) "$TURNUS" "$@" ;;
	*) "$TURNUS" "$@" -o out.txt ;;
	esac
	rc=$?
	left=$(ls -A | grep -v '^ward$' | tr '\n' ' ')
	[ -z "$left" ] || echo "left behind: $left"
	exit $rc
}
