# ward.sh N DIR: a generated ward of about N persons (as make bench has
# them): D, A, N and a long weekend shift, a flat staffing plan.
n=$1 dir=$2
mkdir -p "$dir"
printf 'code;start;end;hours;covers\nD;07:30;15:00;7,5;\nA;14:30;22:00;7,5;\nN;21:45;07:45;10;\nL;08:00;20:30;12,5;D A\n' \
    > "$dir/shifts.csv"
awk -v n="$n" 'BEGIN { d = int(n / 5 + 0.5); a = int(n / 6 + 0.5)
	nn = int(n / 15 + 0.5); if (nn < 1) nn = 1
	print "day;shift;min"
	printf "all;D;%d\nall;A;%d\nall;N;%d\n", d, a, nn }' > "$dir/demand.csv"
