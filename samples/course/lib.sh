# Helpers for the check scripts (sjekk.sh) of the course exercises.
# Sourced, not run: sets $here (the exercise folder) and $TURNUS, and
# gives say, ok, notyet, need and answer.

# Norwegian when the first of LC_ALL, LC_MESSAGES and LANG that is set
# names nb, nn or no (LANGUAGE first, unless the locale is C), as turnus.
lang_nb() {
	v=${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}
	case $v in
	'' | C | POSIX | C.*) return 1 ;;
	esac
	[ -n "${LANGUAGE:-}" ] && v=${LANGUAGE%%:*}
	case $v in
	nb | nn | no | nb[_.@-]* | nn[_.@-]* | no[_.@-]*) return 0 ;;
	esac
	return 1
}

# say NORWEGIAN ENGLISH: one line in the user's language.
say() {
	if lang_nb; then printf '%s\n' "$1"; else printf '%s\n' "$2"; fi
}

# The answer is right: say so and exit 0.
ok() {
	say "RIKTIG: $1" "CORRECT: $2"
	exit 0
}

# The answer is not right yet: say why and exit 1.
notyet() {
	say "IKKE RIKTIG ENNÅ: $1" "NOT RIGHT YET: $2"
	exit 1
}

# need FILE: stop with exit 2 when a file of the answer is missing.
need() {
	[ -f "$here/$1" ] && return 0
	say "Finner ikke $1 i $here. Les OPPGAVE.md." \
	    "Cannot find $1 in $here. Read TASK.md."
	exit 2
}

# answer KEY: the value of "KEY = value" in svar.txt, decimal comma read
# as a point; empty when the key has no value.
answer() {
	sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" \
	    "$here/svar.txt" | sed 's/[[:space:]]*#.*//; s/[[:space:]]*$//;
	    s/%$//; s/[[:space:]]*$//; s/,/./' | head -n 1
}

# same A B [TOLERANCE]: whether two numbers agree.
same() {
	[ -n "$1" ] && [ -n "$2" ] &&
	    awk -v a="$1" -v b="$2" -v t="${3:-0}" 'BEGIN {
		if (a !~ /^-?[0-9]+(\.[0-9]+)?$/) exit 1
		d = a - b; if (d < 0) d = -d; exit !(d <= t + 1e-9) }'
}

# jnum KEY: the first number with that key in each JSON line of stdin.
jnum() {
	awk -v k="\"$1\":" '{ i = index($0, k); if (i == 0) next
	    v = substr($0, i + length(k)); sub(/[,}\]].*/, "", v); print v }'
}

# wishes FILE: the rows of a wishes.csv as "id day shift kind weight",
# lowercase, kind "on" or "off", weight "locked" or a number ("-" when
# empty); the header's names and Norwegian aliases as turnus reads them.
wishes() {
	awk '
	function col(name) {
		if (name ~ /^(id|ansattnr|ansattnummer|ansatt_nr|ansatt|employee_id|employee|nr)$/) return "id"
		if (name ~ /^(day|dag|dato|date)$/) return "day"
		if (name ~ /^(shift|vakt|kode|code|vaktkode)$/) return "shift"
		if (name ~ /^(kind|type|ønske|Ønske|wish)$/) return "kind"
		if (name ~ /^(weight|vekt)$/) return "weight"
		return ""
	}
	function get(k) {
		return (k in at) ? tolower(trim($at[k])) : ""
	}
	function trim(v) {
		gsub(/^[ \t"]+|[ \t"]+$/, "", v)
		return v
	}
	NR == 1 {
		sub(/^\357\273\277/, "")
		sub(/\r$/, "")
		n = split($0, x, ";"); FS = ";"
		if (split($0, y, ",") > n) { n = split($0, x, ","); FS = "," }
		if (split($0, y, "\t") > n) { n = split($0, x, "\t"); FS = "\t" }
		for (i = 1; i <= n; i++)
			if ((c = col(tolower(trim(x[i])))) != "")
				at[c] = i
		next
	}
	{
		sub(/\r$/, "")
		$0 = $0
		if (get("id") == "")
			next
		k = get("kind"); s = get("shift"); w = get("weight")
		if (k ~ /^(on|på|want|ønsker|ja|yes)$/) k = "on"
		else if (k ~ /^(off|av|fri|free|nei|no)$/) k = "off"
		else if (k == "") k = s == "" ? "off" : "on"
		if (w == "låst") w = "locked"
		print get("id"), get("day"), (s == "" ? "-" : toupper(s)), k,
		    (w == "" ? "-" : w)
	}' "$1"
}

here=$(cd "$(dirname "$0")" && pwd)

# turnus: $TURNUS, else on the PATH, else the build tree's.
if [ -z "${TURNUS:-}" ]; then
	if command -v turnus >/dev/null 2>&1; then
		TURNUS=turnus
	elif [ -x "$here/../../../turnus" ]; then
		TURNUS=$here/../../../turnus
	else
		say "Finner ikke turnus: installer den, eller sett TURNUS=/sti/til/turnus." \
		    "Cannot find turnus: install it, or set TURNUS=/path/to/turnus."
		exit 2
	fi
fi
