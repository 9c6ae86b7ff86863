/* turnus explain: each rule of check in the user's language, for trainees. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "explain.h"
#include "findings.h"
#include "util.h"
#include "write.h"

#define WIDTH		78	/* prose; findings wrap at 80 as in check */
#define TITLE_W		18	/* the title column of check's text */
#define KEY_W		29	/* the key column of the list */

/* One rule in one language. */
struct lang {
	const char	*title;
	const char	*line;
	const char	*set;
	const char	*brief;
	const char	*means;
	const char	*why;
	const char	*law;
	const char	*how;
	const char	*ex;
	const char	*msg;
};

enum { GROUP_RULES, GROUP_STAFF, GROUP_FILES };

static const struct rule {
	const char	*key;
	const char	*cite;		/* rules_cite() under the defaults */
	int		 group;
	struct lang	 en, nb;
} rt[TN_R_NRULES] = {
[TN_R_DAILY_REST] = { "min_daily_rest_hours", "AML § 10-8 (1)", GROUP_RULES,
{ "daily rest",
  "at least 11 h off between two shifts",
  "Set in rules.conf (or per person in staff.csv); the default is "
  "min_daily_rest_hours = 11.",
  "A person needs an unbroken rest between two shifts, 11 hours unless "
  "agreed otherwise, to sleep and recover.",
  "Between the end of one shift and the start of the next, a person must "
  "have at least this many hours off in one piece. With the default, an "
  "evening shift that ends at 22:00 cannot be followed by a day shift that "
  "starts before 09:00 the next morning.",
  "People need sleep and time off between shifts. A short change, such as "
  "an evening shift followed by an early day shift, wears people out and "
  "makes mistakes more likely. It is one of the most common breaks in "
  "rosters drawn by hand.",
  "Arbeidsmiljøloven (the Working Environment Act): at least 11 hours of "
  "unbroken rest in every 24 hours. A tariff-bound employer and the "
  "tillitsvalgte may agree in writing on less, down to 8 hours, when the "
  "employee gets compensating rest (§ 10-8 (3)); findings then cite "
  "§ 10-8 (1) and (3).",
  "turnus measures the rest between every two shifts that follow each "
  "other for the person, from the end of the first to the start of the "
  "next, also from the last shift of the rotation to the first. A shorter "
  "rest than the limit breaks the rule; exactly the limit passes (11.00 "
  "hours keep a rule of 11). Two shifts that overlap are reported as an "
  "overlap. When the limit is set below 11 hours, a rest under 11 hours "
  "must be followed by a rest of at least 22 hours minus the short one.",
  "An evening shift A that ends at 22:00 on day 3, and a day shift D that "
  "starts at 07:30 on day 4: 9.5 hours of rest.",
  "rest 9.50 h between A (day 3, ends 22:00) and D (day 4, starts 07:30), "
  "needs 11.00 h" },
{ "daglig hvile",
  "minst 11 timer fri mellom to vakter",
  "Settes i rules.conf (eller per person i staff.csv); standard er "
  "min_daily_rest_hours = 11.",
  "Mellom to vakter trenger den ansatte sammenhengende hviletid, 11 timer "
  "om ikke annet er avtalt, for å sove og hente seg inn.",
  "Mellom slutten av en vakt og starten av den neste skal den ansatte ha "
  "minst så mange timer sammenhengende hviletid. Med standardverdien kan "
  "en aftenvakt som slutter 22:00, ikke følges av en dagvakt som begynner "
  "før 09:00 neste morgen.",
  "Folk trenger søvn og fri mellom vaktene. Kort hviletid, som en "
  "aftenvakt fulgt av en tidlig dagvakt (kveld-dag), sliter på de ansatte "
  "og gjør feil mer sannsynlig. Det er et av de vanligste bruddene i "
  "turnuser som lages for hånd.",
  "Arbeidsmiljøloven: minst 11 timer sammenhengende hviletid i løpet av "
  "24 timer. Arbeidsgiver bundet av tariffavtale og de tillitsvalgte kan "
  "skriftlig avtale kortere hviletid, ned til 8 timer, når den ansatte får "
  "tilsvarende kompenserende hvile (§ 10-8 (3)); funnene viser da til "
  "§ 10-8 (1) og (3).",
  "turnus måler hviletiden mellom hver to vakter som følger etter "
  "hverandre for personen, fra slutten av den første til starten av den "
  "neste, også fra siste vakt i turnusen til den første. Kortere hvile enn "
  "grensen er brudd; akkurat grensen holder (11,00 timer holder når kravet "
  "er 11). To vakter som overlapper, meldes som overlapp. Er grensen satt "
  "lavere enn 11 timer, må en hvile under 11 timer følges av en hvile på "
  "minst 22 timer minus den korte.",
  "En aftenvakt A som slutter 22:00 på dag 3, og en dagvakt D som begynner "
  "07:30 på dag 4: 9,5 timers hviletid.",
  "hvile 9,50 t mellom A (dag 3, slutter 22:00) og D (dag 4, begynner "
  "07:30), trenger 11,00 t" } },

[TN_R_WEEKLY_REST] = { "min_weekly_rest_hours", "AML § 10-8 (2)",
  GROUP_RULES,
{ "weekly rest",
  "at least 35 h off in one piece every week",
  "Set in rules.conf (or per person in staff.csv); the default is "
  "min_weekly_rest_hours = 35.",
  "Every week, Monday to Sunday, needs one unbroken rest, 35 hours unless "
  "agreed otherwise: about a day off with a night on each side.",
  "In every week, from Monday 00:00 to Sunday 24:00, a person must have "
  "one unbroken rest of at least this many hours. 35 hours is about one "
  "day off with a night's rest on each side.",
  "Daily rests alone never give a whole day to recover, to be with family "
  "and friends, or to plan something. The weekly rest makes sure that "
  "every week has one.",
  "Arbeidsmiljøloven: at least 35 hours of unbroken rest in every 7 days; "
  "unless agreed otherwise the week runs from Monday to Sunday. By written "
  "agreement with the tillitsvalgte down to 28 hours, with compensating "
  "rest (§ 10-8 (3)); findings then cite § 10-8 (2) and (3).",
  "In every week turnus finds the longest unbroken time off inside the "
  "week. Only the part of a rest that lies in the week counts, so a rest "
  "from Saturday morning to Tuesday counts until Sunday 24:00. A week "
  "whose longest rest is shorter than the limit breaks the rule. When the "
  "limit is agreed below 35 hours, a week with a rest under 35 hours must "
  "be followed by a week with at least 70 hours minus that rest. In a "
  "period that is not cyclic, only whole weeks are checked.",
  "A person who works every day of week 1, with no rest longer than 16.5 "
  "hours.",
  "longest rest in week 1 (day 1 to day 7) is 16.50 h, needs 35.00 h" },
{ "ukentlig hvile",
  "minst 35 timer sammenhengende fri hver uke",
  "Settes i rules.conf (eller per person i staff.csv); standard er "
  "min_weekly_rest_hours = 35.",
  "Hver uke, mandag til søndag, trenger én sammenhengende hviletid, 35 "
  "timer om ikke annet er avtalt: omtrent en fridag med en natt på hver "
  "side.",
  "I hver uke, fra mandag 00:00 til søndag 24:00, skal den ansatte ha én "
  "sammenhengende hviletid på minst så mange timer. 35 timer er omtrent én "
  "fridag med en natts hvile på hver side.",
  "Den daglige hviletiden alene gir aldri en hel dag til å hente seg inn, "
  "være med familie og venner eller planlegge noe. Den ukentlige "
  "hviletiden sørger for at hver uke har en slik dag.",
  "Arbeidsmiljøloven: minst 35 timer sammenhengende fri i løpet av 7 "
  "dager; uten annen avtale går uka fra mandag til søndag. Ved skriftlig "
  "avtale med de tillitsvalgte ned til 28 timer, med kompenserende hvile "
  "(§ 10-8 (3)); funnene viser da til § 10-8 (2) og (3).",
  "I hver uke finner turnus den lengste sammenhengende friperioden inne i "
  "uka. Bare den delen av en fri som ligger i uka, teller, så en fri fra "
  "lørdag morgen til tirsdag teller til søndag 24:00. Ei uke der den "
  "lengste hvilen er kortere enn grensen, er brudd. Er grensen avtalt "
  "lavere enn 35 timer, må ei uke med hvile under 35 timer følges av ei "
  "uke med minst 70 timer minus den hvilen. I en periode som ikke går i "
  "ring, sjekkes bare hele uker.",
  "En person som jobber hver dag i uke 1, uten noen hvile lenger enn 16,5 "
  "timer.",
  "lengste hvile i uke 1 (dag 1 til dag 7) er 16,50 t, trenger 35,00 t" } },

[TN_R_SHIFT_LEN] = { "max_shift_hours", "AML § 10-5 (2)", GROUP_RULES,
{ "shift length",
  "no shift longer than 12.5 h",
  "Set in rules.conf (or per person in staff.csv), or by preset; the "
  "default is max_shift_hours = 12.5.",
  "A shift may not last longer than the working-time arrangement allows, "
  "from start to end: 12.5 hours with an averaging agreement.",
  "No shift may last longer than the limit, measured from its start to its "
  "end. A long shift (langvakt) 08:00-20:30 lasts 12.5 hours and keeps the "
  "default; a shift 07:00-20:00 lasts 13 hours and breaks it.",
  "Long days tire, and tired people make mistakes. The act therefore ties "
  "the length of a working day to what the employer and the tillitsvalgte "
  "have agreed: the longer the day allowed, the more the agreement must "
  "weigh the staff's health.",
  "Arbeidsmiljøloven, with an averaging agreement with the tillitsvalgte: "
  "at most 12.5 hours in 24 hours. Without such an agreement 9 hours "
  "(§ 10-4 (1)); 10 hours with an individual agreement (§ 10-5 (1)); 13 "
  "hours with the consent of Arbeidstilsynet (§ 10-5 (3)). Shifts over "
  "12.5 hours need the approval of the central union (§ 10-12 (4)). The "
  "rule preset chooses the arrangement, and findings cite its paragraph.",
  "turnus compares each shift's length, from start to end as shifts.csv "
  "gives them, with the limit. The paid hours do not count here: a long "
  "shift 08:00-20:30 lasts 12.5 hours even when 12 are paid. Exactly the "
  "limit passes.",
  "A shift X from 07:00 to 20:00 on day 6: 13 hours.",
  "X on day 6 lasts 13.00 h, at most 12.50 h" },
{ "vaktlengde",
  "ingen vakt lenger enn 12,5 timer",
  "Settes i rules.conf (eller per person i staff.csv), eller med preset; "
  "standard er max_shift_hours = 12.5.",
  "En vakt kan ikke vare lenger enn arbeidstidsordningen tillater, fra "
  "start til slutt: 12,5 timer med avtale om gjennomsnittsberegning.",
  "Ingen vakt kan vare lenger enn grensen, målt fra start til slutt. En "
  "langvakt 08:00-20:30 varer 12,5 timer og holder seg innenfor "
  "standardverdien; en vakt 07:00-20:00 varer 13 timer og bryter den.",
  "Lange dager sliter, og slitne folk gjør feil. Loven knytter derfor "
  "lengden på en arbeidsdag til hva arbeidsgiver og de tillitsvalgte har "
  "avtalt: jo lengre dag som tillates, jo mer må avtalen ta hensyn til de "
  "ansattes helse.",
  "Arbeidsmiljøloven, med avtale om gjennomsnittsberegning med de "
  "tillitsvalgte: høyst 12,5 timer i løpet av 24 timer. Uten slik avtale 9 "
  "timer (§ 10-4 (1)); 10 timer med individuell avtale (§ 10-5 (1)); 13 "
  "timer med samtykke fra Arbeidstilsynet (§ 10-5 (3)). Vakter over 12,5 "
  "timer krever godkjenning fra forbundet sentralt (§ 10-12 (4)). Regelen "
  "preset velger ordningen, og funnene viser til paragrafen for den.",
  "turnus sammenligner lengden på hver vakt, fra start til slutt slik "
  "shifts.csv oppgir dem, med grensen. De betalte timene teller ikke her: "
  "en langvakt 08:00-20:30 varer 12,5 timer selv om 12 er betalt. Akkurat "
  "grensen holder.",
  "En vakt X fra 07:00 til 20:00 på dag 6: 13 timer.",
  "X på dag 6 varer 13,00 t, høyst 12,50 t" } },

[TN_R_WEEK_HOURS] = { "max_week_hours", "AML § 10-5 (2)", GROUP_RULES,
{ "hours in a week",
  "at most 54 h in any single week",
  "Set in rules.conf (or per person in staff.csv), or by preset; the "
  "default is max_week_hours = 54.",
  "Even when hours are averaged over several weeks, a single week, Monday "
  "to Sunday, has a ceiling: 54 hours with an averaging agreement.",
  "The paid hours of the shifts that start in a week, Monday to Sunday, "
  "may not be more than the limit, even when the average over several "
  "weeks is fine.",
  "Averaging lets a roster have heavy and light weeks, but a very heavy "
  "week is a strain that no light week makes up for. The act therefore "
  "caps every single week.",
  "Arbeidsmiljøloven, with averaging agreed with the tillitsvalgte: never "
  "more than 54 hours in a single week. 50 hours with an individual "
  "agreement (§ 10-5 (1)); 40 hours without averaging (§ 10-4 (1)).",
  "turnus adds up the paid hours (the hours column of shifts.csv) of the "
  "shifts that start in each week, Monday to Sunday; a shift counts in the "
  "week in which it starts. More than the limit breaks the rule. Time-off "
  "codes with paid hours (holiday) do not count here.",
  "Four shifts of 7.5 hours, a shift of 13 hours and a long shift with 12 "
  "paid hours in week 1: 55 hours.",
  "55.00 h in week 1 (day 1 to day 7), at most 54.00 h" },
{ "timer i ei uke",
  "høyst 54 timer i ei enkelt uke",
  "Settes i rules.conf (eller per person i staff.csv), eller med preset; "
  "standard er max_week_hours = 54.",
  "Selv når timene gjennomsnittsberegnes over flere uker, har hver enkelt "
  "uke, mandag til søndag, et tak: 54 timer med avtale om "
  "gjennomsnittsberegning.",
  "De betalte timene for vaktene som begynner i ei uke, mandag til "
  "søndag, kan ikke være flere enn grensen, selv om snittet over flere "
  "uker er i orden.",
  "Gjennomsnittsberegning gir turnusen tunge og lette uker, men ei svært "
  "tung uke er en belastning som ingen lett uke veier opp. Loven setter "
  "derfor et tak på hver enkelt uke.",
  "Arbeidsmiljøloven, med gjennomsnittsberegning avtalt med de "
  "tillitsvalgte: aldri mer enn 54 timer i ei enkelt uke. 50 timer med "
  "individuell avtale (§ 10-5 (1)); 40 timer uten gjennomsnittsberegning "
  "(§ 10-4 (1)).",
  "turnus legger sammen de betalte timene (kolonnen hours i shifts.csv) "
  "for vaktene som begynner i hver uke, mandag til søndag; en vakt teller "
  "i uka den begynner. Flere timer enn grensen er brudd. Fridagskoder med "
  "betalte timer (ferie) teller ikke her.",
  "Fire vakter på 7,5 timer, en vakt på 13 timer og en langvakt med 12 "
  "betalte timer i uke 1: 55 timer.",
  "55,00 t i uke 1 (dag 1 til dag 7), høyst 54,00 t" } },

[TN_R_AVG_WEEK] = { "max_avg_week_hours", "AML § 10-5 (2)", GROUP_RULES,
{ "average week",
  "at most 48 h a week on average over 8 weeks",
  "Set in rules.conf with avg_weeks (or per person in staff.csv), or by "
  "preset; the defaults are max_avg_week_hours = 48 and avg_weeks = 8.",
  "On average over several weeks (avg_weeks, 8 by default), the hours of "
  "a week have a ceiling: 48 hours.",
  "Over every run of avg_weeks weeks, the paid hours divided by the weeks "
  "may not be more than the limit. A single week may be heavier, as long "
  "as the average holds.",
  "Averaging gives a ward room for long shifts and heavy weeks, but over "
  "time the load must stay at a level that people can keep up year after "
  "year.",
  "Arbeidsmiljøloven: with averaging, at most 48 hours a week on average "
  "over 8 weeks (§ 10-5 (1) and (2)); over up to 26 weeks with the consent "
  "of Arbeidstilsynet (§ 10-5 (3)). The rule preset chooses the "
  "arrangement.",
  "turnus adds up the paid hours of every run of avg_weeks weeks that "
  "starts on a Monday, and divides by the weeks. The runs wrap around the "
  "rotation and are never longer than it: in a 6-week rotation the run is "
  "the whole rotation. If the worst run is over the limit, it is reported "
  "once.",
  "A 6-week rotation with 292.5 paid hours: 48.75 hours a week.",
  "averages 48.75 h a week over 6 weeks (day 1 to day 42), at most "
  "48.00 h" },
{ "gjennomsnittlig uke",
  "høyst 48 timer i uka i snitt over 8 uker",
  "Settes i rules.conf sammen med avg_weeks (eller per person i "
  "staff.csv), eller med preset; standard er max_avg_week_hours = 48 og "
  "avg_weeks = 8.",
  "I snitt over flere uker (avg_weeks, 8 som standard) har timene i ei uke "
  "et tak: 48 timer.",
  "Over hver periode på avg_weeks uker kan de betalte timene delt på "
  "antall uker ikke være flere enn grensen. Ei enkelt uke kan være "
  "tyngre, så lenge snittet holder.",
  "Gjennomsnittsberegning gir avdelingen rom for langvakter og tunge "
  "uker, men over tid må belastningen ligge på et nivå folk kan holde ut "
  "år etter år.",
  "Arbeidsmiljøloven: med gjennomsnittsberegning høyst 48 timer i uka i "
  "snitt over 8 uker (§ 10-5 (1) og (2)); over inntil 26 uker med samtykke "
  "fra Arbeidstilsynet (§ 10-5 (3)). Regelen preset velger ordningen.",
  "turnus legger sammen de betalte timene i hver periode på avg_weeks "
  "uker som begynner på en mandag, og deler på antall uker. Periodene går "
  "rundt turnusen og blir aldri lengre enn den: i en turnus på 6 uker er "
  "perioden hele turnusen. Er den verste perioden over grensen, meldes den "
  "én gang.",
  "En turnus på 6 uker med 292,5 betalte timer: 48,75 timer i uka.",
  "i snitt 48,75 t i uka over 6 uker (dag 1 til dag 42), høyst "
  "48,00 t" } },

[TN_R_WEEKEND] = { "weekend_every", "AML § 10-8 (4), HTA", GROUP_RULES,
{ "weekend frequency",
  "at most one worked weekend in every 3",
  "Set in rules.conf, or per person as a weekend_every column of "
  "staff.csv; the default is weekend_every = 3.",
  "A person works at most one weekend in every run of so many weekends: "
  "with every 3rd weekend, whoever works weekend 1 is free on weekends 2 "
  "and 3.",
  "A person may work at most one weekend in every run of this many "
  "weekends. With 3 (every 3rd weekend), weekends 1 and 4 are fine, "
  "weekends 1 and 3 are not. Wards with long weekend shifts (langvakter i "
  "helg) often agree on every 4th weekend.",
  "Free weekends are what people in turnus miss most. The weekend rule is "
  "also what keeps positions small: when everybody may work only every 3rd "
  "weekend, a ward that needs 9 people every weekend needs 27 heads, "
  "whatever the weekdays need. This is the weekend problem that long "
  "weekend shifts try to solve: fewer heads a weekend, larger positions.",
  "Not a number in the act: § 10-8 (4) says that whoever has worked a "
  "Sunday should as a rule be free the next. Every 3rd weekend is the "
  "common rule in the KS area (hovedtariffavtalen, HTA) and in most local "
  "agreements; every 4th is common with long weekend shifts.",
  "A weekend is worked when a shift starts between Saturday 00:00 and "
  "Monday 00:00 (weekend_start and weekend_end move the window), so a "
  "Friday night shift is not weekend work and a Sunday night shift is. "
  "turnus checks every two worked weekends that follow each other, also "
  "the last and the first of the rotation: if they are fewer weeks apart "
  "than the limit, that breaks the rule.",
  "Two weekends in a row, weekends 1 and 2.",
  "works weekends 1 and 2 (day 6 and day 13), 1 week apart; at most one "
  "weekend in every 3" },
{ "helgefrekvens",
  "høyst én arbeidshelg av hver 3",
  "Settes i rules.conf, eller per person som en kolonne weekend_every i "
  "staff.csv; standard er weekend_every = 3.",
  "Den ansatte jobber høyst én helg i hver rekke av så mange helger: med "
  "hver 3. helg har den som jobber helg 1, fri helg 2 og 3.",
  "En person kan jobbe høyst én helg i hver rekke av så mange helger. Med "
  "3 (hver 3. helg) går helg 1 og 4 fint, men ikke helg 1 og 3. "
  "Avdelinger med langvakter i helg avtaler ofte hver 4. helg.",
  "Fri helger er det de som går i turnus, savner mest. Helgeregelen er "
  "også det som holder stillingene små: kan alle bare jobbe hver 3. helg, "
  "trenger en avdeling med 9 på jobb hver helg 27 personer, uansett hva "
  "hverdagene trenger. Dette er helgeproblemet som langvakter i helg skal "
  "løse: færre hoder per helg, større stillinger.",
  "Ikke et tall i loven: § 10-8 (4) sier at den som har arbeidet en "
  "søndag, som hovedregel skal ha fri den neste. Hver 3. helg er den "
  "vanlige regelen i KS-området (hovedtariffavtalen, HTA) og i de fleste "
  "lokale avtaler; hver 4. helg er vanlig med langvakter i helg.",
  "En helg er en arbeidshelg når en vakt begynner mellom lørdag 00:00 og "
  "mandag 00:00 (weekend_start og weekend_end flytter vinduet), så en "
  "nattevakt fredag er ikke helgearbeid, men en nattevakt søndag er det. "
  "turnus sjekker hver to arbeidshelger som følger etter hverandre, også "
  "siste og første i turnusen: ligger de færre uker fra hverandre enn "
  "grensen, er det brudd.",
  "To helger på rad, helg 1 og 2.",
  "jobber helg 1 og 2 (dag 6 og dag 13), 1 uke mellom; høyst én helg av "
  "hver 3" } },

[TN_R_WHOLE_WEEKEND] = { "whole_weekends", "AML § 10-8 (4), HTA",
  GROUP_RULES,
{ "whole weekends",
  "a worked weekend is Saturday and Sunday",
  "Set in rules.conf (or per person in staff.csv); the default is "
  "whole_weekends = yes.",
  "A worked weekend should have a shift on both Saturday and Sunday, so "
  "that one worked weekend does not spoil two.",
  "Whoever works a weekend works both Saturday and Sunday. Working only "
  "one of the days uses up a weekend all the same, and the one free day "
  "is no free weekend.",
  "When people work single weekend days, each weekend needs more heads "
  "and more weekends are broken up. Whole weekends give whole free "
  "weekends.",
  "Local agreement and practice (HTA), together with weekend_every; the "
  "background is § 10-8 (4) on a free Sunday after a worked one.",
  "For every worked weekend (a shift starts in the weekend window) turnus "
  "looks for a shift that starts on the Saturday and one that starts on "
  "the Sunday. A weekend with only one of them breaks the rule. With "
  "whole_weekends = no this is not checked.",
  "A shift on Saturday of weekend 1 and none on the Sunday.",
  "works Saturday but not Sunday of weekend 1 (day 6 and day 7)" },
{ "hele helger",
  "en arbeidshelg er både lørdag og søndag",
  "Settes i rules.conf (eller per person i staff.csv); standard er "
  "whole_weekends = yes.",
  "En arbeidshelg skal ha vakt både lørdag og søndag, så én arbeidshelg "
  "ikke ødelegger to.",
  "Den som jobber en helg, jobber både lørdag og søndag. Å jobbe bare den "
  "ene dagen bruker opp en helg likevel, og den ene fridagen er ingen fri "
  "helg.",
  "Når folk jobber enkeltdager i helgene, trenger hver helg flere hoder, "
  "og flere helger blir stykket opp. Hele arbeidshelger gir hele fri "
  "helger.",
  "Lokal avtale og praksis (HTA), sammen med weekend_every; bakgrunnen er "
  "§ 10-8 (4) om fri søndag etter en arbeidssøndag.",
  "For hver arbeidshelg (en vakt begynner i helgevinduet) ser turnus "
  "etter en vakt som begynner lørdag, og en som begynner søndag. En helg "
  "med bare den ene er brudd. Med whole_weekends = no sjekkes ikke dette.",
  "En vakt lørdag i helg 1 og ingen søndag.",
  "jobber lørdag men ikke søndag i helg 1 (dag 6 og dag 7)" } },

[TN_R_CONSECUTIVE] = { "max_consecutive_days", "AML § 10-8 (2)",
  GROUP_RULES,
{ "days in a row",
  "at most 6 working days in a row",
  "Set in rules.conf (or per person in staff.csv); the default is "
  "max_consecutive_days = 6.",
  "A run of working days has a limit, 6 days by default; then the person "
  "needs a day off.",
  "A person may work at most this many days in a row. A working day is a "
  "day on which a shift starts, so a night shift counts on the day it "
  "starts.",
  "Long runs of working days wear people out, and they leave little room "
  "for the weekly rest. Six days in a row is a common limit in local "
  "agreements.",
  "Follows from the weekly rest of arbeidsmiljøloven: a seventh working "
  "day in a row leaves little room for 35 hours off. The number itself is "
  "a common local rule.",
  "turnus finds the runs of working days, also across the end of the "
  "rotation, from its last days to its first. A run longer than the limit "
  "breaks the rule; 6 days in a row keep a limit of 6.",
  "Working days from Saturday of week 3 to Friday of week 4.",
  "works 7 days in a row (day 20 to day 26), at most 6" },
{ "dager på rad",
  "høyst 6 arbeidsdager på rad",
  "Settes i rules.conf (eller per person i staff.csv); standard er "
  "max_consecutive_days = 6.",
  "En rekke av arbeidsdager har en grense, 6 dager som standard; så "
  "trenger den ansatte en fridag.",
  "En person kan jobbe høyst så mange dager på rad. En arbeidsdag er en "
  "dag der en vakt begynner, så en nattevakt teller på dagen den "
  "begynner.",
  "Lange rekker av arbeidsdager sliter på folk, og de gir lite rom for "
  "den ukentlige hviletiden. Seks dager på rad er en vanlig grense i "
  "lokale avtaler.",
  "Følger av den ukentlige hviletiden i arbeidsmiljøloven: en sjuende "
  "arbeidsdag på rad gir lite rom for 35 timer fri. Selve tallet er en "
  "vanlig lokal regel.",
  "turnus finner rekkene av arbeidsdager, også over turnusens slutt, fra "
  "de siste dagene til de første. En rekke lengre enn grensen er brudd; 6 "
  "dager på rad holder når grensen er 6.",
  "Arbeidsdager fra lørdag i uke 3 til fredag i uke 4.",
  "jobber 7 dager på rad (dag 20 til dag 26), høyst 6" } },

[TN_R_NIGHT_AVG] = { "max_night_avg_hours_per_day", "AML § 10-11 (6)",
  GROUP_RULES,
{ "night work",
  "night workers: at most 8 h a day on average",
  "Set in rules.conf (or per person in staff.csv); the default is "
  "max_night_avg_hours_per_day = 8, with night_start = 21:00 and "
  "night_end = 06:00.",
  "Whoever works nights may work at most 8 hours per 24 hours on average "
  "over 4 weeks.",
  "A person who works at night may work at most this many hours per day "
  "(24 hours) on average over 4 weeks, all days counted, free days too.",
  "Night work goes against the body's clock, and the risks for health and "
  "safety grow with the hours. Night workers therefore have a lower "
  "ceiling on their working time.",
  "Arbeidsmiljøloven: whoever regularly works more than 3 hours at night "
  "(21:00 to 06:00 unless agreed otherwise, § 10-11 (1)) may work at most 8 "
  "hours per 24 hours on average over 4 weeks. The tillitsvalgte may "
  "agree otherwise, with compensating rest (§ 10-11 (9)).",
  "A shift is a night shift when more than 3 hours of it lie in the night "
  "window, night_start to night_end. For a person with at least one night "
  "shift in the rotation, turnus adds up the paid hours of every run of 28 "
  "days (the whole rotation when it is shorter), also around the end of "
  "the rotation, and divides by the days. If the worst run is over the "
  "limit, it is reported once.",
  "A night worker with 228 paid hours in the first 4 weeks.",
  "works nights and averages 8.14 h a day over 28 days (day 1 to day 28), "
  "at most 8.00 h" },
{ "nattarbeid",
  "nattarbeidere: høyst 8 timer per døgn i snitt",
  "Settes i rules.conf (eller per person i staff.csv); standard er "
  "max_night_avg_hours_per_day = 8, med night_start = 21:00 og "
  "night_end = 06:00.",
  "Den som jobber natt, kan jobbe høyst 8 timer per døgn i snitt over 4 "
  "uker.",
  "En person som jobber natt, kan jobbe høyst så mange timer per døgn i "
  "snitt over 4 uker, alle dager regnet med, også fridagene.",
  "Nattarbeid går mot kroppens døgnrytme, og risikoen for helse og "
  "sikkerhet øker med timene. Nattarbeidere har derfor et lavere tak på "
  "arbeidstiden.",
  "Arbeidsmiljøloven: den som jevnlig arbeider mer enn 3 timer om natten "
  "(21:00 til 06:00 om ikke annet er avtalt, § 10-11 (1)), kan arbeide "
  "høyst 8 timer per døgn i snitt over 4 uker. De tillitsvalgte kan "
  "avtale noe annet, med kompenserende hvile (§ 10-11 (9)).",
  "En vakt er en nattevakt når mer enn 3 timer av den ligger i "
  "nattvinduet, night_start til night_end. For en person med minst én "
  "nattevakt i turnusen legger turnus sammen de betalte timene i hver "
  "periode på 28 dager (hele turnusen når den er kortere), også rundt "
  "turnusens slutt, og deler på antall dager. Er den verste perioden over "
  "grensen, meldes den én gang.",
  "En nattarbeider med 228 betalte timer de første 4 ukene.",
  "jobber natt og har i snitt 8,14 t per døgn over 28 dager (dag 1 til "
  "dag 28), høyst 8,00 t" } },

[TN_R_HOURS] = { "hours_tolerance", "HTA § 4.2", GROUP_RULES,
{ "hours and position",
  "the hours of a roster line match the position",
  "Set in rules.conf (or per person in staff.csv); the default is "
  "hours_tolerance = 2 (hours over the rotation).",
  "The paid hours of a roster line must match the position "
  "(stillingsprosent), within the tolerance, over the whole rotation.",
  "The hours of a person's roster line must match the position "
  "(stillingsprosent). A 100 % position in turnus is 35.5 hours a week, "
  "213 hours over a 6-week rotation; an 80 % position is 170.4 hours. The "
  "tolerance is how far the hours may be off over the whole rotation.",
  "The position is what people are paid for, and what counts in the "
  "full-time share (heltidsandel). A roster line with fewer hours than "
  "the position leaves paid time unplanned; one with more gives extra "
  "work that the position does not show.",
  "Hovedtariffavtalen (HTA) sets the working week: 37.5 hours for day "
  "work, 35.5 hours for turnus, down to 33.6 hours for three-shift work. "
  "The hours of the roster must match the position.",
  "For each row (person and department) turnus adds up the paid hours of "
  "all cells, time-off codes with paid hours (holiday) included. The "
  "position gives position_pct / 100 x week norm x weeks. The week norm "
  "follows the person's own roster (week_norm = auto): 37.5 hours for day "
  "work, 35.5 for turnus, less for three-shift turnus. Hours further from "
  "that than the tolerance break the rule. A row without a position, or a "
  "person with min_hours or max_hours in staff.csv, is not checked.",
  "A 60 % position with a roster line of only 92 hours in 6 weeks.",
  "rostered 92.00 h, but a 60.0 % position is 127.80 h over 6 weeks of "
  "35.50 h (turnus), within 2.00 h" },
{ "timer og stilling",
  "timene i turnuslinjen stemmer med stillingen",
  "Settes i rules.conf (eller per person i staff.csv); standard er "
  "hours_tolerance = 2 (timer over hele turnusen).",
  "De betalte timene i en turnuslinje skal stemme med "
  "stillingsprosenten, innenfor toleransen, over hele turnusen.",
  "Timene i en persons turnuslinje skal stemme med stillingsprosenten. En "
  "100 % stilling i turnus er 35,5 timer i uka, 213 timer over en turnus "
  "på 6 uker; en 80 % stilling er 170,4 timer. Toleransen er hvor mye "
  "timene kan avvike over hele turnusen.",
  "Stillingen er det folk får lønn for, og det som teller i "
  "heltidsandelen. En turnuslinje med færre timer enn stillingen lar "
  "betalt tid stå uplanlagt; en med flere gir ekstra arbeid som "
  "stillingen ikke viser.",
  "Hovedtariffavtalen (HTA) fastsetter arbeidsuka: 37,5 timer for "
  "dagarbeid, 35,5 timer for turnus, ned til 33,6 timer for tredelt "
  "turnus. Timene i turnusen skal stemme med stillingen.",
  "For hver rad (person og avdeling) legger turnus sammen de betalte "
  "timene i alle ruter, også fridagskoder med betalte timer (ferie). "
  "Stillingen gir stillingsprosent / 100 x ukenorm x uker. Ukenormen "
  "følger personens egen turnus (week_norm = auto): 37,5 timer for "
  "dagarbeid, 35,5 for turnus, mindre for tredelt turnus. Avviker timene "
  "mer enn toleransen, er det brudd. En rad uten stilling, eller en "
  "person med min_hours eller max_hours i staff.csv, sjekkes ikke.",
  "En 60 % stilling med en turnuslinje på bare 92 timer over 6 uker.",
  "92,00 t i turnusen, men en stilling på 60,0 % er 127,80 t over 6 uker "
  "à 35,50 t (turnus), innenfor 2,00 t" } },

[TN_R_MIN_HOURS] = { "min_hours", "HTA § 4.2", GROUP_STAFF,
{ "fewest hours",
  "at least min_hours paid hours in the rotation",
  "Set per person as a min_hours column of staff.csv (hours in the "
  "rotation); an empty cell means no limit.",
  "This person's roster line must hold at least the hours agreed "
  "(min_hours in staff.csv) over the rotation.",
  "The fewest paid hours the person's roster line may hold over the "
  "rotation. For this person it replaces the check against the position "
  "(hours_tolerance).",
  "Some persons have an agreement on hours rather than a position, or the "
  "ward wants a line to carry at least a certain load, for instance on "
  "the way to a larger position.",
  "Hovedtariffavtalen: the hours of the roster follow what is agreed with "
  "the employee.",
  "turnus adds up the paid hours of all the person's cells, time-off "
  "codes with paid hours included. Fewer than min_hours breaks the rule; "
  "exactly min_hours passes.",
  "min_hours = 190 and a roster line of 180 hours.",
  "rostered 180.00 h, at least 190.00 h (min_hours)" },
{ "færrest timer",
  "minst min_hours betalte timer i turnusen",
  "Settes per person som en kolonne min_hours i staff.csv (timer i "
  "turnusen); tom rute betyr ingen grense.",
  "Turnuslinjen til denne personen skal ha minst de timene som er avtalt "
  "(min_hours i staff.csv) over turnusen.",
  "Det minste antallet betalte timer personens turnuslinje kan ha over "
  "turnusen. For denne personen erstatter den sjekken mot stillingen "
  "(hours_tolerance).",
  "Noen har en avtale om timer i stedet for en stillingsprosent, eller "
  "avdelingen vil at en linje skal ha minst en viss mengde arbeid, for "
  "eksempel på veien mot en større stilling.",
  "Hovedtariffavtalen: timene i turnusen følger det som er avtalt med den "
  "ansatte.",
  "turnus legger sammen de betalte timene i alle personens ruter, også "
  "fridagskoder med betalte timer. Færre enn min_hours er brudd; akkurat "
  "min_hours holder.",
  "min_hours = 190 og en turnuslinje på 180 timer.",
  "180,00 t i turnusen, minst 190,00 t (min_hours)" } },

[TN_R_MAX_HOURS] = { "max_hours", "HTA § 4.2", GROUP_STAFF,
{ "most hours",
  "at most max_hours paid hours in the rotation",
  "Set per person as a max_hours column of staff.csv (hours in the "
  "rotation); an empty cell means no limit.",
  "This person's roster line may hold at most the hours agreed "
  "(max_hours in staff.csv) over the rotation.",
  "The most paid hours the person's roster line may hold over the "
  "rotation. For this person it replaces the check against the position "
  "(hours_tolerance).",
  "Some persons have agreed to work no more than a set number of hours, "
  "for instance next to a position elsewhere, or during a study or a "
  "phased retirement.",
  "Hovedtariffavtalen: the hours of the roster follow what is agreed with "
  "the employee.",
  "turnus adds up the paid hours of all the person's cells, time-off "
  "codes with paid hours included. More than max_hours breaks the rule; "
  "exactly max_hours passes.",
  "max_hours = 200 and a roster line of 213 hours.",
  "rostered 213.00 h, at most 200.00 h (max_hours)" },
{ "flest timer",
  "høyst max_hours betalte timer i turnusen",
  "Settes per person som en kolonne max_hours i staff.csv (timer i "
  "turnusen); tom rute betyr ingen grense.",
  "Turnuslinjen til denne personen kan ha høyst de timene som er avtalt "
  "(max_hours i staff.csv) over turnusen.",
  "Det største antallet betalte timer personens turnuslinje kan ha over "
  "turnusen. For denne personen erstatter den sjekken mot stillingen "
  "(hours_tolerance).",
  "Noen har avtalt å ikke jobbe mer enn et visst antall timer, for "
  "eksempel ved siden av en stilling et annet sted, under studier eller "
  "ved gradvis overgang til pensjon.",
  "Hovedtariffavtalen: timene i turnusen følger det som er avtalt med den "
  "ansatte.",
  "turnus legger sammen de betalte timene i alle personens ruter, også "
  "fridagskoder med betalte timer. Flere enn max_hours er brudd; akkurat "
  "max_hours holder.",
  "max_hours = 200 og en turnuslinje på 213 timer.",
  "213,00 t i turnusen, høyst 200,00 t (max_hours)" } },

[TN_R_MAX_SHIFTS] = { "max_shifts", NULL, GROUP_STAFF,
{ "shifts of a code",
  "at most so many shifts of a code, as N=4",
  "Set per person as a max_shifts column of staff.csv, such as N=4 L=6.",
  "This person may have at most the agreed number of shifts of a code in "
  "the rotation (max_shifts in staff.csv, such as N=4).",
  "Limits how many shifts of a code the person has in the rotation: "
  "N=4 L=6 means at most 4 shifts N (nights) and 6 shifts L (long "
  "shifts).",
  "People have agreements and limits of their own: fewer nights for "
  "health reasons, a set number of long shifts, a fair share of the heavy "
  "shifts.",
  "No paragraph: an agreement with the person, or a local rule.",
  "turnus counts the person's shifts of each code named in max_shifts "
  "over the rotation. More than the limit breaks the rule.",
  "max_shifts = N=2 and five night shifts N.",
  "5 N shifts in the rotation, at most 2" },
{ "vakter av en kode",
  "høyst så mange vakter av en kode, som N=4",
  "Settes per person som en kolonne max_shifts i staff.csv, for eksempel "
  "N=4 L=6.",
  "Denne personen kan ha høyst det avtalte antallet vakter av en kode i "
  "turnusen (max_shifts i staff.csv, for eksempel N=4).",
  "Begrenser hvor mange vakter av en kode personen har i turnusen: "
  "N=4 L=6 betyr høyst 4 vakter N (natt) og 6 vakter L (langvakt).",
  "Folk har egne avtaler og grenser: færre netter av helsegrunner, et "
  "fast antall langvakter, en rettferdig del av de tunge vaktene.",
  "Ingen paragraf: en avtale med personen, eller en lokal regel.",
  "turnus teller personens vakter av hver kode som står i max_shifts, "
  "over hele turnusen. Flere enn grensen er brudd.",
  "max_shifts = N=2 og fem nattevakter N.",
  "5 N-vakter i turnusen, høyst 2" } },

[TN_R_MAX_WEEKENDS] = { "max_weekends", "AML § 10-8 (4), HTA", GROUP_STAFF,
{ "weekends",
  "at most max_weekends worked weekends",
  "Set per person as a max_weekends column of staff.csv (weekends in the "
  "rotation); an empty cell means no limit.",
  "This person may work at most the agreed number of weekends in the "
  "rotation (max_weekends in staff.csv).",
  "The most weekends the person works in the whole rotation. A weekend is "
  "worked when a shift starts between Saturday 00:00 and Monday 00:00.",
  "Some have agreed to work fewer weekends, for a health reason or in a "
  "senior policy; others take more weekends for a larger position, up to "
  "the number they agreed to.",
  "The background is § 10-8 (4) on a free Sunday after a worked one, and "
  "the weekend rules of the HTA and local agreements; the number is the "
  "person's own agreement.",
  "turnus counts the worked weekends of the rotation, with the weekend "
  "window of weekend_every. More than max_weekends breaks the rule.",
  "max_weekends = 2 and three worked weekends.",
  "works 3 weekends in the rotation, at most 2" },
{ "arbeidshelger",
  "høyst max_weekends arbeidshelger",
  "Settes per person som en kolonne max_weekends i staff.csv (helger i "
  "turnusen); tom rute betyr ingen grense.",
  "Denne personen kan jobbe høyst det avtalte antallet helger i turnusen "
  "(max_weekends i staff.csv).",
  "Det største antallet helger personen jobber i hele turnusen. En helg "
  "er en arbeidshelg når en vakt begynner mellom lørdag 00:00 og mandag "
  "00:00.",
  "Noen har avtalt å jobbe færre helger, av helsegrunner eller i en "
  "seniorordning; andre tar flere helger for å få større stilling, opp til "
  "det antallet de har sagt ja til.",
  "Bakgrunnen er § 10-8 (4) om fri søndag etter en arbeidssøndag, og "
  "helgereglene i HTA og lokale avtaler; tallet er personens egen avtale.",
  "turnus teller arbeidshelgene i turnusen, med helgevinduet fra "
  "weekend_every. Flere enn max_weekends er brudd.",
  "max_weekends = 2 og tre arbeidshelger.",
  "jobber 3 helger i turnusen, høyst 2" } },

[TN_R_MIN_CONSECUTIVE] = { "min_consecutive_days", NULL, GROUP_STAFF,
{ "short work run",
  "no shorter runs of working days than this",
  "Set per person as a min_consecutive_days column of staff.csv.",
  "This person wants runs of working days of a certain length "
  "(min_consecutive_days in staff.csv): no lone working days between days "
  "off.",
  "The shortest run of working days in a row the person wants. A single "
  "working day between free days breaks up the week.",
  "A lone working day between days off costs a journey and a whole day "
  "for a few hours' work, and it breaks up the free time. Many prefer "
  "their work gathered in runs.",
  "No paragraph: the person's wish, or a local rule.",
  "turnus finds every run of working days in a row, also across the end "
  "of the rotation. A run shorter than the limit breaks the rule. A run "
  "that fills the whole rotation does not count, nor does one that "
  "touches the edge of a period that is not cyclic.",
  "min_consecutive_days = 3 and a lone working day on day 8.",
  "1 working day in a row (day 8 to day 8), at least 3" },
{ "kort arbeidsperiode",
  "ingen kortere rekker av arbeidsdager enn dette",
  "Settes per person som en kolonne min_consecutive_days i staff.csv.",
  "Denne personen ønsker rekker av arbeidsdager av en viss lengde "
  "(min_consecutive_days i staff.csv): ingen enslige arbeidsdager mellom "
  "fridager.",
  "Den korteste rekken av arbeidsdager på rad personen ønsker. En enkelt "
  "arbeidsdag mellom fridager stykker opp uka.",
  "En enslig arbeidsdag mellom fridager koster en reise og en hel dag for "
  "noen timers arbeid, og den stykker opp fritiden. Mange vil heller ha "
  "arbeidet samlet.",
  "Ingen paragraf: personens ønske, eller en lokal regel.",
  "turnus finner hver rekke av arbeidsdager på rad, også over turnusens "
  "slutt. En rekke kortere enn grensen er brudd. En rekke som fyller hele "
  "turnusen, teller ikke, heller ikke en som når kanten av en periode som "
  "ikke går i ring.",
  "min_consecutive_days = 3 og en enslig arbeidsdag på dag 8.",
  "1 arbeidsdag på rad (dag 8 til dag 8), minst 3" } },

[TN_R_MIN_OFF] = { "min_consecutive_days_off", NULL, GROUP_STAFF,
{ "short time off",
  "no shorter runs of days off than this",
  "Set per person as a min_consecutive_days_off column of staff.csv.",
  "This person wants runs of days off of a certain length "
  "(min_consecutive_days_off in staff.csv): no lone free days between "
  "working days.",
  "The shortest run of days off in a row the person wants. A lone free "
  "day between working days gives little rest.",
  "One free day between two working days is soon gone, and after a "
  "night shift it is mostly sleep. Two or more days off in a row give "
  "real rest.",
  "No paragraph: the person's wish, or a local rule.",
  "turnus finds every run of days off in a row, also across the end of "
  "the rotation. A run shorter than the limit breaks the rule. A run that "
  "fills the whole rotation does not count, nor does one that touches the "
  "edge of a period that is not cyclic.",
  "min_consecutive_days_off = 2 and a lone day off on day 9.",
  "1 day off in a row (day 9 to day 9), at least 2" },
{ "kort friperiode",
  "ingen kortere rekker av fridager enn dette",
  "Settes per person som en kolonne min_consecutive_days_off i "
  "staff.csv.",
  "Denne personen ønsker rekker av fridager av en viss lengde "
  "(min_consecutive_days_off i staff.csv): ingen enslige fridager mellom "
  "arbeidsdager.",
  "Den korteste rekken av fridager på rad personen ønsker. En enslig "
  "fridag mellom arbeidsdager gir lite hvile.",
  "Én fridag mellom to arbeidsdager er fort over, og etter en nattevakt "
  "går den mest med til søvn. To eller flere fridager på rad gir ordentlig "
  "hvile.",
  "Ingen paragraf: personens ønske, eller en lokal regel.",
  "turnus finner hver rekke av fridager på rad, også over turnusens "
  "slutt. En rekke kortere enn grensen er brudd. En rekke som fyller hele "
  "turnusen, teller ikke, heller ikke en som når kanten av en periode som "
  "ikke går i ring.",
  "min_consecutive_days_off = 2 og en enslig fridag på dag 9.",
  "1 fridag på rad (dag 9 til dag 9), minst 2" } },

[TN_R_LONG_SHIFTS] = { "long_shifts", NULL, GROUP_STAFF,
{ "long shifts",
  "no long shifts for whoever has said no",
  "Set per person as a long_shifts column of staff.csv, yes or no (the "
  "default is yes); a long shift lasts long_shift_min_hours (10) or "
  "more.",
  "Long shifts (langvakter) are voluntary, and this person has said no to "
  "them (long_shifts = no in staff.csv).",
  "Long shifts (langvakter) are voluntary. long_shifts = no in staff.csv "
  "records that the person does not work them: no shift of "
  "long_shift_min_hours (10 hours) or more may be in the line.",
  "Long shifts can give more free weekends and larger positions, but they "
  "do not suit everybody, and the unions insist that they are voluntary "
  "for each employee.",
  "No paragraph of its own: long shifts of 10 to 12.5 hours are agreed "
  "locally (AML § 10-5 (2), § 10-12 (4)) and are voluntary for each "
  "employee.",
  "For a person with long_shifts = no, every shift whose length (start to "
  "end) is long_shift_min_hours or more breaks the rule.",
  "A long shift L 08:00-20:30 for a person with long_shifts = no.",
  "long shift L (12.50 h) on day 6, but long_shifts = no" },
{ "langvakter",
  "ingen langvakter for den som har sagt nei",
  "Settes per person som en kolonne long_shifts i staff.csv, yes eller no "
  "(standard yes); en langvakt varer long_shift_min_hours (10) timer "
  "eller mer.",
  "Langvakter er frivillige, og denne personen har sagt nei til dem "
  "(long_shifts = no i staff.csv).",
  "Langvakter er frivillige. long_shifts = no i staff.csv viser at "
  "personen ikke tar dem: ingen vakt på long_shift_min_hours (10 timer) "
  "eller mer kan stå i linjen.",
  "Langvakter kan gi flere fri helger og større stillinger, men de passer "
  "ikke for alle, og fagforeningene krever at de er frivillige for hver "
  "ansatt.",
  "Ingen egen paragraf: langvakter på 10 til 12,5 timer avtales lokalt "
  "(AML § 10-5 (2), § 10-12 (4)) og er frivillige for hver ansatt.",
  "For en person med long_shifts = no er hver vakt som varer "
  "long_shift_min_hours eller mer (fra start til slutt), et brudd.",
  "En langvakt L 08:00-20:30 for en person med long_shifts = no.",
  "langvakt L (12,50 t) på dag 6, men long_shifts = no" } },

[TN_R_NIGHTS] = { "nights", NULL, GROUP_STAFF,
{ "nights",
  "no nights, or nights only, as the person has",
  "Set per person as a nights column of staff.csv: yes, no or only (the "
  "default is yes).",
  "This person works no night shifts (nights = no in staff.csv), or only "
  "night shifts (nights = only).",
  "nights = no: the person works no night shifts. nights = only: the "
  "person works only night shifts (fast nattevakt). A night shift is one "
  "with more than 3 hours in the night window.",
  "Many wards have staff who work only nights, and others who cannot work "
  "nights for health or family reasons.",
  "No paragraph: the person's agreement. Night work itself is regulated "
  "in AML § 10-11.",
  "With nights = no, every night shift (more than 3 hours between "
  "night_start and night_end) breaks the rule; with nights = only, every "
  "shift that is not a night shift.",
  "A night shift N on day 12 for a person with nights = no.",
  "night shift N on day 12, but nights = no" },
{ "nattevakter",
  "ingen netter, eller bare netter, som avtalt",
  "Settes per person som en kolonne nights i staff.csv: yes, no eller "
  "only (standard yes).",
  "Denne personen har ingen nattevakter (nights = no i staff.csv), eller "
  "bare nattevakter (nights = only).",
  "nights = no: personen har ingen nattevakter. nights = only: personen "
  "har bare nattevakter (fast nattevakt). En nattevakt er en vakt med mer "
  "enn 3 timer i nattvinduet.",
  "Mange avdelinger har ansatte som bare jobber natt, og andre som ikke "
  "kan jobbe natt av helsegrunner eller på grunn av familien.",
  "Ingen paragraf: personens avtale. Selve nattarbeidet er regulert i "
  "AML § 10-11.",
  "Med nights = no er hver nattevakt (mer enn 3 timer mellom night_start "
  "og night_end) et brudd; med nights = only hver vakt som ikke er "
  "nattevakt.",
  "En nattevakt N på dag 12 for en person med nights = no.",
  "nattevakt N på dag 12, men nights = no" } },

[TN_R_CANNOT_FOLLOW] = { "cannot_follow", NULL, GROUP_FILES,
{ "shift order",
  "codes that may not come the day after a shift",
  "Set in shifts.csv: a cannot_follow column on the row of a shift, with "
  "the codes that may not come the next day.",
  "Some shifts may not come the day after certain others, on top of the "
  "rest rules; the ward sets this in shifts.csv.",
  "On the row of shift S in shifts.csv, cannot_follow lists the codes that "
  "may not come on the day after S, even when the rest between them is "
  "long enough.",
  "Some orders are hard on people although they keep the rest rules, such "
  "as a day shift followed by a night shift the next evening; a ward can "
  "rule them out.",
  "No paragraph: the ward's own rule, on top of the rest rules of "
  "AML § 10-8.",
  "For every two days in a row with a shift, turnus looks for the second "
  "day's code in the cannot_follow list of the first day's shift. A match "
  "breaks the rule.",
  "D on day 1 and N on day 2, where the row of D in shifts.csv has N in "
  "its cannot_follow.",
  "D on day 1 followed by N on day 2, but N may not follow D" },
{ "vaktrekkefølge",
  "koder som ikke kan komme dagen etter en vakt",
  "Settes i shifts.csv: en kolonne cannot_follow på raden til en vakt, "
  "med kodene som ikke kan komme dagen etter.",
  "Noen vakter kan ikke komme dagen etter visse andre, i tillegg til "
  "hvilereglene; avdelingen setter dette i shifts.csv.",
  "På raden til vakt S i shifts.csv lister cannot_follow kodene som ikke "
  "kan komme dagen etter S, selv når hviletiden mellom dem er lang nok.",
  "Noen rekkefølger er tunge for folk selv om de holder hvilereglene, som "
  "en dagvakt fulgt av en nattevakt neste kveld; en avdeling kan utelukke "
  "dem.",
  "Ingen paragraf: avdelingens egen regel, i tillegg til hvilereglene i "
  "AML § 10-8.",
  "For hver to dager på rad med vakt ser turnus etter koden for den andre "
  "dagen i listen cannot_follow til vakten den første dagen. Et treff er "
  "brudd.",
  "D på dag 1 og N på dag 2, der raden til D i shifts.csv har N i "
  "cannot_follow.",
  "D på dag 1 fulgt av N på dag 2, men N kan ikke komme etter D" } },

[TN_R_CONSEC_NIGHTS] = { "max_consecutive_nights", "AML § 10-11 (1)",
  GROUP_RULES,
{ "nights in a row",
  "at most so many night shifts in a row",
  "Set in rules.conf (or per person in staff.csv); the default is "
  "max_consecutive_nights = none (no limit).",
  "Night shifts in a row have a limit (max_consecutive_nights); long runs "
  "of nights are hard on sleep and health.",
  "The longest run of days on which a night shift starts. With none there "
  "is no limit.",
  "Every night in a row deepens the lack of sleep, and the body never "
  "gets used to it. Many wards limit a run to 3 or 4 nights.",
  "Arbeidsmiljøloven § 10-11 protects night workers (night is 21:00 to "
  "06:00, § 10-11 (1)) but sets no number; the limit is a local agreement "
  "or the ward's own rule.",
  "A night shift has more than 3 hours in the night window. turnus finds "
  "the runs of days on which a night shift starts, also across the end of "
  "the rotation. A run longer than the limit breaks the rule.",
  "max_consecutive_nights = 4 and five nights in a row.",
  "5 night shifts in a row (day 1 to day 5), at most 4" },
{ "netter på rad",
  "høyst så mange nattevakter på rad",
  "Settes i rules.conf (eller per person i staff.csv); standard er "
  "max_consecutive_nights = none (ingen grense).",
  "Nattevakter på rad har en grense (max_consecutive_nights); lange rekker "
  "av netter går hardt ut over søvn og helse.",
  "Den lengste rekken av dager der en nattevakt begynner. Med none er det "
  "ingen grense.",
  "Hver natt på rad gjør søvnunderskuddet større, og kroppen venner seg "
  "aldri helt til det. Mange avdelinger setter grensen ved 3 eller 4 "
  "netter.",
  "Arbeidsmiljøloven § 10-11 verner nattarbeidere (natt er 21:00 til "
  "06:00, § 10-11 (1)), men setter ikke noe tall; grensen er en lokal "
  "avtale eller avdelingens egen regel.",
  "En nattevakt har mer enn 3 timer i nattvinduet. turnus finner rekkene "
  "av dager der en nattevakt begynner, også over turnusens slutt. En "
  "rekke lengre enn grensen er brudd.",
  "max_consecutive_nights = 4 og fem netter på rad.",
  "5 nattevakter på rad (dag 1 til dag 5), høyst 4" } },

[TN_R_COVER] = { "cover", NULL, GROUP_FILES,
{ "cover",
  "each shift has the heads the staffing plan asks",
  "From demand.csv, the staffing plan (bemanningsplan): min and max heads "
  "per day, shift and role.",
  "Each day and shift needs the heads the staffing plan (bemanningsplan) "
  "asks for, with the right role.",
  "Each row of the staffing plan (bemanningsplan) says how many must be "
  "on duty on a day and shift, and with which role, such as at least one "
  "sykepleier. Fewer than min is under-cover; more than max, when a max "
  "is given, is over-cover.",
  "The residents need the same care on every day of the rotation. A "
  "roster that keeps every working-time rule but leaves a shift short is "
  "still not a roster the ward can use.",
  "No paragraph: the ward's staffing plan and its duty of care.",
  "For each row of demand.csv turnus counts the persons of the department "
  "whose shift that day covers the demanded code (the covers column of "
  "shifts.csv: a long shift L can cover both D and A) and who have the "
  "role (any counts everybody). Fewer than min, or more than max, breaks "
  "the rule.",
  "Friday day 33 has 4 on the day shift D, where the staffing plan needs "
  "5.",
  "day 33 Fri D: 4 on duty, needs 5" },
{ "bemanning",
  "hver vakt har så mange som bemanningsplanen sier",
  "Fra demand.csv, bemanningsplanen: minst (min) og høyst (max) antall "
  "per dag, vakt og rolle.",
  "Hver dag og vakt trenger så mange på jobb som bemanningsplanen sier, "
  "med riktig rolle.",
  "Hver rad i bemanningsplanen sier hvor mange som skal være på vakt en "
  "dag og vakt, og med hvilken rolle, for eksempel minst én sykepleier. "
  "Færre enn min er underbemanning; flere enn max, når max er oppgitt, er "
  "overbemanning.",
  "Beboerne trenger like god omsorg hver dag i turnusen. En turnus som "
  "holder alle arbeidstidsreglene, men lar en vakt stå underbemannet, er "
  "likevel ikke en turnus avdelingen kan bruke.",
  "Ingen paragraf: avdelingens bemanningsplan og plikten til forsvarlig "
  "drift.",
  "For hver rad i demand.csv teller turnus personene i avdelingen som den "
  "dagen har en vakt som dekker koden (kolonnen covers i shifts.csv: en "
  "langvakt L kan dekke både D og A), og som har rollen (any teller "
  "alle). Færre enn min, eller flere enn max, er brudd.",
  "Fredag dag 33 har 4 på dagvakt D, der bemanningsplanen trenger 5.",
  "dag 33 fre D: 4 på vakt, trenger 5" } },
};

/* Settings that belong to a rule: turnus explain avg_weeks. */
static const struct {
	const char	*key;
	int		 rule;
} settings[] = {
	{ "avg_weeks", TN_R_AVG_WEEK },
	{ "long_shift_min_hours", TN_R_LONG_SHIFTS },
	{ "night_end", TN_R_NIGHT_AVG },
	{ "night_start", TN_R_NIGHT_AVG },
	{ "preset", TN_R_SHIFT_LEN },
	{ "week_norm", TN_R_HOURS },
	{ "weekend_end", TN_R_WEEKEND },
	{ "weekend_start", TN_R_WEEKEND },
};

/* The words around the parts, English then Norwegian. */
static const char *const heads[][2] = {
	{ "What it means", "Hva regelen betyr" },
	{ "Why", "Hvorfor" },
	{ "Where it comes from", "Hvor regelen kommer fra" },
	{ "How turnus checks it", "Slik sjekker turnus" },
	{ "Example of a break", "Eksempel på et brudd" },
};

static const char *const groups[][2] = {
	{ "Set in rules.conf (or per person in staff.csv):",
	  "Settes i rules.conf (eller per person i staff.csv):" },
	{ "Set per person in staff.csv:",
	  "Settes per person i staff.csv:" },
	{ "From shifts.csv and demand.csv:",
	  "Fra shifts.csv og demand.csv:" },
};

/* Whether s names one of the Norwegian languages (nb, nn, no). */
static int
names_nb(const char *s)
{
	if (strncasecmp(s, "nb", 2) != 0 && strncasecmp(s, "nn", 2) != 0 &&
	    strncasecmp(s, "no", 2) != 0)
		return 0;
	return s[2] == '\0' || strchr("_.@:-", s[2]) != NULL;
}

int
tn_lang_nb(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char	*v = NULL, *l;

	for (size_t i = 0; i < nitems(vars) && (v == NULL || *v == '\0'); i++)
		v = getenv(vars[i]);
	if (v == NULL || *v == '\0' || strcmp(v, "C") == 0 ||
	    strcmp(v, "POSIX") == 0 || strncmp(v, "C.", 2) == 0)
		return 0;
	if ((l = getenv("LANGUAGE")) != NULL && *l != '\0')
		v = l;
	return names_nb(v);
}

const char *
explain_text(int r, int nb, enum explain_part part)
{
	const struct lang *t;

	if (r < 0 || r >= TN_R_NRULES)
		return NULL;
	t = nb ? &rt[r].nb : &rt[r].en;
	switch (part) {
	case EXPLAIN_TITLE:	return t->title;
	case EXPLAIN_LINE:	return t->line;
	case EXPLAIN_SET:	return t->set;
	case EXPLAIN_BRIEF:	return t->brief;
	case EXPLAIN_MEANS:	return t->means;
	case EXPLAIN_WHY:	return t->why;
	case EXPLAIN_LAW:	return t->law;
	case EXPLAIN_HOW:	return t->how;
	case EXPLAIN_CASE:	return t->ex;
	case EXPLAIN_MSG:	return t->msg;
	case EXPLAIN_NPARTS:	break;
	}
	return NULL;
}

const char *
explain_cite(int r)
{
	return r >= 0 && r < TN_R_NRULES ? rt[r].cite : NULL;
}

/* Compares a name with a key or title: case, ' ', '-' and '_' alike. */
static int
same_name(const char *a, const char *b)
{
	for (;; a++, b++) {
		int x = strchr(" -", *a) && *a ? '_' : tolower((unsigned char)*a);
		int y = strchr(" -", *b) && *b ? '_' : tolower((unsigned char)*b);

		if (x != y)
			return 0;
		if (x == '\0')
			return 1;
	}
}

int
explain_find(const char *name, int *setting)
{
	*setting = 0;
	for (int r = 0; r < TN_R_NRULES; r++)
		if (same_name(name, rt[r].key) ||
		    same_name(name, rt[r].en.title) ||
		    same_name(name, rt[r].nb.title))
			return r;
	for (size_t i = 0; i < nitems(settings); i++)
		if (same_name(name, settings[i].key)) {
			*setting = 1;
			return settings[i].rule;
		}
	return -1;
}

/* Display columns of n bytes of UTF-8. */
static int
cols(const char *s, size_t n)
{
	int	 w = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	return w;
}

/*
 * Whether a line may break at the blank s[i]: never inside "AML § 10-8
 * (1)" nor "key = value".
 */
static int
breaks(const char *s, size_t i, size_t len)
{
	if (i >= 2 && s[i - 2] == '\xc2' && s[i - 1] == '\xa7')
		return 0;
	if (i + 2 < len && s[i + 1] == '\xc2' && s[i + 2] == '\xa7')
		return 0;
	if (i + 2 < len && s[i + 1] == '(' && isdigit((unsigned char)s[i + 2]))
		return 0;
	if ((i >= 1 && s[i - 1] == '=') || (i + 1 < len && s[i + 1] == '='))
		return 0;
	return 1;
}

/*
 * Writes s wrapped at width, every line indented, from column col;
 * whole (nonzero) keeps s on one line if it can.  Returns the column.
 */
static int
wrap_at(FILE *fp, const char *s, int indent, int col, int width, int whole)
{
	size_t	 len = strlen(s), i = 0, j;

	while (i < len) {
		for (j = i + 1; j < len && (whole || !(s[j] == ' ' &&
		    breaks(s, j, len))); j++)
			;
		if (col > indent && col + 1 + cols(s + i, j - i) > width) {
			putc('\n', fp);
			col = 0;
		}
		if (col < indent) {
			fprintf(fp, "%*s", indent - col, "");
			col = indent;
		} else if (col > indent) {
			putc(' ', fp);
			col++;
		}
		fwrite(s + i, 1, j - i, fp);
		col += cols(s + i, j - i);
		for (i = j; i < len && s[i] == ' '; i++)
			;
	}
	return col;
}

static void
wrap(FILE *fp, const char *s, int indent, int col, int width)
{
	wrap_at(fp, s, indent, col, width, 0);
	putc('\n', fp);
}

static void
section(FILE *fp, const char *head, const char *text)
{
	fprintf(fp, "\n%s\n", head);
	wrap(fp, text, 2, 0, WIDTH);
}

/* The example finding, laid out as turnus check's text output. */
static void
example(FILE *fp, int r, int nb)
{
	const struct lang *t = nb ? &rt[r].nb : &rt[r].en;
	char	 msg[512];

	section(fp, heads[4][nb], t->ex);
	fputs(nb ? "  turnus check skriver:\n\n" : "  turnus check prints:\n\n",
	    fp);
	if (r == TN_R_COVER)
		fprintf(fp, "%s, Bjørketun\n", nb ? "Bemanning" : "Cover");
	else
		fputs("2001 Åse Lien (Bjørketun, helsefagarbeider)\n", fp);
	fputs("  ", fp);
	text_pad(fp, t->title, TITLE_W);
	fputc(' ', fp);
	if (rt[r].cite != NULL)
		snprintf(msg, sizeof msg, "%s [%s]", t->msg, rt[r].cite);
	else
		snprintf(msg, sizeof msg, "%s", t->msg);
	text_wrap(fp, msg, 2 + TITLE_W + 1, 2 + TITLE_W + 1, 80);
}

void
explain_write(FILE *fp, int r, int nb)
{
	const struct lang *t;
	char	 law[1024];

	if (r < 0 || r >= TN_R_NRULES)
		return;
	t = nb ? &rt[r].nb : &rt[r].en;
	fprintf(fp, "%s: %s\n", rt[r].key, t->title);
	wrap(fp, t->set, 0, 0, WIDTH);
	section(fp, heads[0][nb], t->means);
	section(fp, heads[1][nb], t->why);
	if (rt[r].cite != NULL) {
		snprintf(law, sizeof law, "%s. %s", rt[r].cite, t->law);
		section(fp, heads[2][nb], law);
	} else
		section(fp, heads[2][nb], t->law);
	section(fp, heads[3][nb], t->how);
	example(fp, r, nb);
	fprintf(fp, "\n%s turnus-rules(7), turnus explain\n",
	    nb ? "Se også:" : "See also:");
}

void
explain_list(FILE *fp, int nb)
{
	fputs(nb ? "Reglene turnus check sjekker; turnus explain REGEL forklarer "
	    "én.\n" : "The rules turnus check checks; turnus explain RULE "
	    "explains one.\n", fp);
	for (int g = GROUP_RULES; g <= GROUP_FILES; g++) {
		fprintf(fp, "\n%s\n", groups[g][nb]);
		for (int r = 0; r < TN_R_NRULES; r++) {
			if (rt[r].group != g)
				continue;
			fputs("  ", fp);
			text_pad(fp, rt[r].key, KEY_W);
			wrap(fp, nb ? rt[r].nb.line : rt[r].en.line,
			    2 + KEY_W, 2 + KEY_W, 80);
		}
	}
}

void
explain_keys(FILE *fp, int indent)
{
	char	 all[2048];
	size_t	 n = 0;

	all[0] = '\0';
	for (int r = 0; r < TN_R_NRULES && n < sizeof all; r++)
		n += (size_t)snprintf(all + n, sizeof all - n, "%s%s",
		    r ? " " : "", rt[r].key);
	wrap(fp, all, indent, 0, 80);
}

void
explain_finding(FILE *fp, int r, int nb, int indent)
{
	char	 more[128];
	int	 col;

	if (r < 0 || r >= TN_R_NRULES)
		return;
	snprintf(more, sizeof more, "(%s: turnus explain %s)",
	    nb ? "mer" : "more", rt[r].key);
	col = wrap_at(fp, nb ? rt[r].nb.brief : rt[r].en.brief, indent, 0, 80,
	    0);
	wrap_at(fp, more, indent, col, 80, 1);
	putc('\n', fp);
}
