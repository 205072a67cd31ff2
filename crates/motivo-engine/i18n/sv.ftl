# Motivos motor- och kommandoradsmeddelanden: svenska.
# Every file here has the same message ids with the same variables (a test checks it); a new file is a new language.


## certificate

certificate-not-complete = Kursen är inte avklarad ännu, så intyget kan inte skrivas ut. { $why }
certificate-title = Intyg
certificate-outcome = Kompetensmål
certificate-practised = Klarade övningar
certificate-date = Uppnått
certificate-completed = Kursen avklarad
certificate-issued = Intyget utskrivet
certificate-name-line = har genomfört övningskursen
certificate-anonymous = Den studerande har genomfört övningskursen
certificate-footer = Motivo är en övningsmiljö för självstudier. Intyget bygger på Motivos automatiska MI-respons (tröskelvärdena i MITI 4.2.1) och är inget examensbetyg.

## cli

cli-error = fel
cli-warning = varning
cli-check-ok = ok: { $path } ({ $warnings ->
        [one] { $warnings } varning
       *[other] { $warnings } varningar
    })
cli-check-summary = kontrollerade { $files ->
        [one] { $files } fil
       *[other] { $files } filer
    }: { $errors ->
        [one] { $errors } fel
       *[other] { $errors } fel
    }, { $warnings ->
        [one] { $warnings } varning
       *[other] { $warnings } varningar
    }
cli-check-problem-detail = { $what }: { $err }
cli-check-not-a-file = inte en vanlig fil (t.ex. en pipe eller en enhet); den läses inte
cli-check-internal = internt fel vid kontrollen av den här filen (ett programfel; rapportera det gärna)
cli-check-cannot-read-folder = mappen kan inte läsas
cli-check-cannot-open = kan inte öppnas
cli-check-cannot-read = kan inte läsas
cli-check-no-files = inga .ron-filer hittades
cli-note = obs
cli-check-course-not-loaded = kursfilen går inte att läsa in, så `module` kontrolleras inte mot den (`motivo check` på filen visar varför)
cli-play-you = Du
cli-play-options = Svarsalternativ
cli-play-prompt-choice = Välj ett nummer (eller skriv ett eget svar)
cli-play-prompt-text = Skriv ditt svar
cli-play-prompt-pick = Välj nu det närmaste alternativet med dess nummer
cli-play-prompt-pick-only = Välj ett alternativ med dess nummer
cli-play-prompt-write-then-pick = Skriv ditt svar (sedan väljer du det närmaste alternativet)
cli-play-help = Kommandon: ett nummer väljer ett alternativ, :tillbaka N går tillbaka till tur N, :avsluta avslutar.
cli-play-feedback = Respons
cli-play-better = Ett bättre alternativ hade varit
cli-play-even-better = Ett ännu starkare alternativ hade varit
cli-play-numbered-from-one = Alternativen är numrerade från 1.
cli-play-fair = godtagbar
cli-play-good = god
cli-play-codes = Koder
cli-play-ending = Avslutning
cli-play-not-finished = Samtalet blev oavslutat.
cli-play-goal = Mål
cli-play-report = MI-rapport
cli-play-ethics = Etiken i digitalt stöd
cli-play-no-coder = Kodningen av egna svar är inte tillgänglig just nu. Välj ett alternativ med dess nummer.
cli-play-passed = Du klarade övningen: klienten nådde ett bra resultat, dina MI-färdigheter låg minst på godtagbar nivå och etiken i det digitala stödet följdes.
cli-play-not-passed = Du har inte klarat den här övningen ännu:
cli-play-picked-is-practice = Du svarade genom att välja alternativ: det är övning. Till lärandemålet räknas bara en godkänd övning med egna ord (--answer write eller write-then-pick).
cli-play-state = Klientens läge
cli-cannot-read-file = filen { $path } kan inte läsas: { $err }
cli-play-first-error = { $message } (alla problem visas med kommandot `motivo check { $path }`)
cli-play-no-scenario = det finns ingen medföljande övning eller fil `{ $id }`; `motivo list` visar de medföljande övningarna
cli-report-mi-adherent = MI-förenliga (AF+SEEK+EMPH)
cli-report-mi-non-adherent = MI-oförenliga (PER+CON)
cli-report-globals = Globala bedömningar (1–5)
cli-report-cct = att odla förändringsprat (CCT)
cli-report-sst = att mildra bevarandeprat (SST)
cli-report-partnership = partnerskap
cli-report-empathy = empati
cli-report-technical = teknisk
cli-report-relational = relationell
cli-report-level = Nivå
cli-report-change-talk = Förändringsprat
cli-report-importance = betydelse
cli-report-confidence = tilltro
cli-report-discord = disharmoni
cli-paths-explored = { $scenario }: { $states } tillstånd undersökta (djup högst { $depth } svar)
cli-paths-explored-truncated = { $scenario }: { $states } tillstånd undersökta (djup högst { $depth } svar), AVBRUTET: en del undersöktes inte, talen är nedre gränser
cli-paths-scored-all = { $scored } vägar poängsatta (alla).
cli-paths-scored-sample = { $scored } vägar poängsatta (ett urval och ytterlighetsvägarna).
cli-paths-endings = Avslutningar:
cli-paths-good = , bra
cli-paths-paths = vägar
cli-paths-miti-best-worst = MITI bästa/sämsta
cli-paths-reply-score = svarspoäng
cli-paths-passed = godkänd
cli-paths-not-reached = nåddes inte i den undersökta delen; en kedja av alternativ leder hit om villkoren tillåter
cli-paths-shortest-mi = kortaste MI-förenliga väg
cli-paths-no-mi-path = ingen väg med enbart MI-förenliga alternativ
cli-paths-dead-ends = Återvändsgränder:
cli-paths-depth-cut = Tillstånd som avbröts vid djupgränsen:
cli-paths-loops = Slingor (ett alternativ leder tillbaka till en besökt nod):
cli-paths-no-warnings = Inga varningar.
cli-paths-warnings = Varningar
cli-paths-path = väg
cli-paths-validity = Validitet: alltid det k:te alternativet (k = 1…5, frön 1–8) klarar { $passes }/{ $plays } ({ $per_k }); en slumpmässig väljare { $random_passes }/{ $random_plays }.
cli-new-bad-id = id:t `{ $id }` duger inte: använd gemena bokstäver a–z, siffror och `-` (t.ex. `mitt-recept`)
cli-new-bad-module = modul-id:t `{ $id }` duger inte
cli-new-exists = { $path } finns redan (skriv över den med --force)
cli-new-wrote = Skrev { $file } och dess testplan { $plan }.
cli-new-next = Sedan: motivo check --strict { $file }; motivo test { $plan }; motivo play { $file }
cli-test-not-bundled-name = namnet börjar inte med id:t för någon medföljande övning
cli-test-wrote-plans = skrev { $n } testplaner till mappen { $dir }
cli-test-reply-failure = svar { $t }: { $failure }
cli-test-coverage = Täckning:
cli-test-nodes = noder
cli-test-options = alternativ
cli-test-typed-routes = fritextregler
cli-test-endings = avslutningar
cli-test-endings-not-tested = otestade avslutningar
cli-test-summary = { $plans } testplaner, { $failed } misslyckades, { $errors } fel
cli-graph-kind-option = alternativ
cli-graph-kind-typed = skrivet
cli-graph-kind-clarify = förtydligande
cli-graph-from = Från
cli-graph-kind = Typ
cli-graph-label = Koder / regel
cli-graph-to = Till
cli-graph-legend = Ruta: en tur (alternativ / fritextregler). Färger: grönt eget nästa steg, blått hänvisning, orange skjuter upp, rött drar sig ur. Heldragen linje: ett alternativ (streckad: villkorligt); prickad: ett skrivet svar; röd: ett etiskt problem. Håll muspekaren över en linje för att se dess namn.
cli-graph-limit = Turgräns: { $m } svar → { $ending }

## code

code-name-oq = öppen fråga
code-name-cq = sluten fråga
code-name-sr = enkel reflektion
code-name-cr = komplex reflektion
code-name-af = bekräftelse
code-name-seek = att söka samarbete
code-name-emph = att betona självbestämmande
code-name-gi = att ge information
code-name-per = övertalning utan lov
code-name-pwp = övertalning med lov
code-name-con = konfrontation
code-name-none = ingen kod

## coder

coder-note-low-confidence = Kodaren är inte säker på hur svaret ska kodas; se koden som en ungefärlig vägledning.
coder-note-language-mismatch = { $reply ->
        [fi] Svaret är på finska, men övningen är på svenska. Skriv det på svenska så att det kan kodas.
        [en] Svaret är på engelska, men övningen är på svenska. Skriv det på svenska så att det kan kodas.
       *[other] Svaret är på ett annat språk än övningen. Skriv det på övningens språk så att det kan kodas.
    }
coder-note-filler = Ett utfyllnadsord (t.ex. "ok", "mm") är ännu ingen reflektion eller fråga: det är neutralt.
coder-note-off-topic = Reflektionen har inget ord gemensamt med klientens replik. Om den återger klientens tanke med andra ord är det bra; kodaren kan inte kontrollera det.

## cond

cond-number = `{ $text }` är inte ett tal
cond-too-large-numbers-conditions = `{ $text }` är för stort; ett tal i ett villkor får till sitt absoluta värde vara högst { $MAX_NUMBER }
cond-unexpected-character = oväntat tecken `{ $c }`
cond-condition-empty = villkoret är tomt
cond-condition-bytes-long-conditions = villkoret är { $len } byte långt; ett villkor får vara högst { $MAX_LEN } byte
cond-expected-end-condition = här borde det stå `and`, `or` eller villkorets slut
cond-condition-nests-brackets-more = villkoret har parenteser och `not` inuti varandra i mer än { $MAX_DEPTH } nivåer
cond-expected = här borde det stå { $what }
cond-condition-ends-too-early = villkoret tar slut för tidigt
cond-unknown-mi-code = MI-koden `{ $code }` finns inte
cond-expected-comparison-after-e = variabeln `{ $word }` ska jämföras med något, t.ex. `{ $word } >= 5`
cond-expected-number = här borde det stå ett tal
cond-unknown-variable-numeric-variables = variabeln `{ $word }` finns inte; talvariablerna är { $names }
cond-expected-variable-flag-visited = här borde det stå en variabel, en flagga, `visited(…)`, `used(…)`, `unheard(…)`, `heard(…)` eller `(`
cond-expected-arg = här borde det stå { $what }
cond-arg-node-id = ett nod-id
cond-arg-mi-code = en MI-kod
cond-arrow = `{ $found }` är ingen jämförelse; menade du `{ $fix }`?

## course

course-valid-course-id = `{ $id }` duger inte som kurs-id
course-course-version-must-more = kursens `version` ska vara minst 1
course-course-title = kursens namn (`title`)
course-course-modules = kursen har inga moduler
course-valid-module-id = `{ $id }` duger inte som modul-id
course-module-defined-twice = modulen `{ $id }` definieras två gånger
course-first-definition-module = den första definitionen är modul { $n }
course-title-module = namnet (`title`) på modulen `{ $id }`
course-outcome-module = kompetensmålet (`outcome`) för modulen `{ $id }`
course-description-module = beskrivningen (`description`) av modulen `{ $id }`
course-scenario-listed-twice-module = scenariot `{ $s }` finns två gånger i modulen `{ $id }`
course-module-lists-scenario-exist = modulen `{ $id }` har scenariot `{ $s }`, som inte finns
course-unknown-scenario = okänt scenario
course-did-you-mean = menade du `{ $id }`?
course-scenarios = scenarierna är { $ids }
course-scenario-module-here-but = scenariot `{ $s }` hör här till modulen `{ $id }`, men dess egen fil anger modulen `{ $own }`
course-counts-toward-both-when = det räknas mot båda om `{ $own }` är en modul i kursen; skriv `module: "{ $id }"` i scenariot så att uppgifterna stämmer överens
course-outcome-scenarios-yet-so = kompetensmålet `{ $id }` har inga scenarier ännu och kan därför inte uppnås
course-module-marked-planned-learners = modulen är märkt `planned`: de studerande ser den som kommande
course-list-scenarios-scenarios-mark = räkna upp scenarierna i `scenarios: [...]` eller märk modulen med `planned: true`
course-module-marked-planned-but = modulen `{ $id }` är märkt `planned` men har redan scenarier: { $count }
course-remove-planned-true-so = ta bort `planned: true`, så att de studerande ser modulen som öppen
course-module-would-mastered-scenario = modulen `{ $id }` skulle behärskas utan att ett enda scenario har klarats
course-use-atleast-more = använd `AtLeast(1)` eller mer
course-module-needs-passed-scenarios = modulen `{ $id }` kräver { $n } klarade scenarier men har bara { $count }
course-scenario-names-module-course = scenariot `{ $id }` hör till modulen `{ $module }`, som inte finns i kursen
course-scenario-count-toward-any = scenariot räknas inte mot något kompetensmål
course-module-opens-after-module = modulen `{ $id }` öppnas efter modulen `{ $dep }`, som inte finns
course-module-opens-only-after = modulen `{ $id }` öppnas först efter `{ $dep }`, som inte har några scenarier ännu
course-learners-cannot-open-until = de studerande kan inte öppna den förrän de scenarierna finns
course-unlock-rules-form-cycle = öppningsreglerna bildar en cirkel: { $cycle }
course-none-these-modules-can = ingen av de här modulerna kan någonsin öppnas
course-ids-use-lowercase-letters = id:n skrivs med gemena bokstäver, siffror och `-`

## date

date-style = dmy

## decimal

decimal-separator = ,

## diag

diag-text-empty = { $what } är tom
diag-text-missing-lang = { $what } saknar text på `{ $lang }`

## ethics

ethics-takes-credentials = du bad om eller hanterade klientens inloggningsuppgifter
ethics-logs-in-as-client = du loggade in som klienten
ethics-acts-without-authorisation = du skötte ärendet för klienten utan fullmakt
ethics-does-it-for-client = du gjorde uppgiften åt klienten
ethics-privacy-breach = klientens uppgifter blev synliga för andra
ethics-ignores-safety-signal = du gick förbi ett tecken på att klientens säkerhet är hotad
ethics-beyond-competence = du gick utöver din egen kompetens

## feedback

feedback-coded-consistent = Ditt svar kodades så här: { $list }. Det är förenligt med MI.
feedback-coded-inconsistent = Ditt svar kodades så här: { $list }. Det är inte förenligt med MI: råd utan lov eller att argumentera emot får oftast klienten att göra motstånd.
feedback-evidence = Det här bygger kodningen på: { $parts }.
feedback-coder-unsure = Kodaren är inte säker på det här svaret, så se koden bara som en fingervisning.

## level

level-below-fair = under godtagbar nivå
level-fair = godtagbar
level-good = god

## list

list-and = { $init } och { $last }
list-comma = { $first }, { $next }
list-semicolon = { $first }; { $next }

## load

load-file-utf-text-invalid = filen är inte UTF-8-text (ogiltig byte vid position { $at })
load-file-contains-nul-byte = filen innehåller en NUL-byte
load-scenario-files-utf-text = scenariofiler är UTF-8-text; är det här en binärfil?
load-too-large = filen är { $size }; en scenariofil får vara högst { $max } MB
load-unclosed-string = strängen avslutas inte: strängen som börjar på { $line }:{ $column } saknar avslutande citattecken `"`
load-unclosed-string-label = den här strängen avslutas inte
load-unclosed-string-taken-end = citattecknet på { $line }:{ $column } lästes som dess slut, så texten efter det hamnar på fel ställe; lägg till `"` där strängens text slutar
load-unclosed-string-to-end = den fortsätter ända till filens slut; lägg till `"` där dess text slutar

## mastery

mastery-measure-relational = relationella färdigheter (partnerskap och empati)
mastery-measure-technical = tekniska färdigheter (att odla förändringsprat, att mildra bevarandeprat)
mastery-measure-pct-cr = andelen komplexa reflektioner
mastery-measure-r-q = förhållandet mellan reflektioner och frågor
mastery-ethics-other = ett etiskt problem
mastery-outcome-other = samtalet slutade inte väl
mastery-not-attempted = Du har inte övat på det här ännu.
mastery-level-too-low = Din MITI-nivå var { $level }; för att bli godkänd krävs minst { $needed }.
mastery-level-too-low-below = Din MITI-nivå var { $level }; för att bli godkänd krävs minst { $needed } ({ $list }).
mastery-no-good-ending = Samtalet slutade inte väl ({ $outcome }): målet är att klienten formulerar sitt eget nästa steg eller hänvisas till en lämplig tjänst.
mastery-ethics-problems = Etiken i det digitala stödet följdes inte: { $list }.
mastery-not-own-words = Du svarade genom att välja alternativ. Det är bra övning, men till lärandemålet räknas bara svar som du skrivit med egna ord: välj ”Jag skriver själv” eller ”Jag skriver och väljer” innan du börjar.
mastery-older-version = Du övade på version { $played }; övningen har uppdaterats (version { $current }), så gör den på nytt.
mastery-scenario-missing = Övningen `{ $scenario }` finns inte i den här versionen.
mastery-harder-needed = Målet kräver också en godkänd övning på en svårare nivå (svårighetsgrad { $min_difficulty } eller högre): { $list }.
mastery-scenarios-left = { $needed ->
        [one] Klara ännu { $needed } övning: { $list }.
       *[other] Klara ännu { $needed } övningar: { $list }.
    }
mastery-no-scenarios-yet = Det finns inga övningar för det här kompetensmålet ännu.
mastery-locked-mastered = Öppnas när du behärskar: { $list }.
mastery-locked-started = Öppnas när du har klarat en övning i var och en av: { $list }.
mastery-outcomes-left = Kompetensmål som ännu inte uppnåtts: { $list }.

## next

next-step-play = Nästa steg: öva på "{ $title }".
next-step-retry = Nästa steg: försök på nytt med "{ $title }".
next-step-certificate = Kursen är avklarad! Skriv ut ditt intyg.
next-step-wait = Du har klarat alla övningar som finns. Fler är på väg för: { $modules }.

## outcome

outcome-next-step = klienten formulerade sitt eget nästa steg
outcome-referral = klienten hänvisades till en tjänst som passar hen
outcome-postpones = klienten sköt upp beslutet
outcome-disengages = klienten drog sig ur samtalet

## paths

paths-consistent-option-ends-badly = Det MI-förenliga alternativet `{ $o }` i turen `{ $n }` leder inte till en bra avslutning hur samtalet än fortsätter: en studerande som gör rätt kan inte lyckas.
paths-good-ending-only-by-typing = Den bra avslutningen `{ $ending }` nås bara genom att skriva: ingen väg av alternativ leder dit.
paths-good-ending-unreachable = Ingen väg av alternativ når den bra avslutningen `{ $ending }`.
paths-good-ending-with-ethics = Den bra avslutningen `{ $ending }` kan nås via en väg med ett etiskt problem i det digitala stödet ({ $at }): klienten borde inte reagera som om allt vore väl.
paths-passes-with-few-consistent = En väg blir godkänd med bara { $mi } MI-förenliga svar (minst { $min } förväntas på svårighetsgrad { $difficulty }).
paths-dead-end = Turen `{ $d }` visar inget alternativ i något läge: en studerande som väljer alternativ fastnar.

## reply

reply-empty = Svaret är tomt. Skriv något innan du skickar.
reply-too-long = Svaret är för långt ({ $chars } tecken, högst { $max }). Korta ner det.
reply-not-text = Svaret innehåller tecken som inte är text.

## ron

ron-file-nests-deeper-than = filen har parenteser inuti varandra i mer än { $MAX_NESTING } nivåer
ron-scenario-files-flat-lists = ett scenario är en platt lista av noder; leta efter överflödiga eller oavslutade parenteser
ron-did-you-mean = menade du `{ $n }`?
ron-codes = koderna är { $codes }
ron-unknown-mi-code = MI-koden `{ $found }` finns inte
ron-file-ends-too-early = filen tar slut för tidigt (har den klippts av?)
ron-check-every-closed = kontrollera att varje `(`, `[` och `"` också stängs
ron-check-closes-too-early = kontrollera att ingen `)` eller `]` stänger för tidigt
ron-in-type = {" "}(i typen `{ $o }`)
ron-in-struct = {" "}(i `{ $o }`)
ron-from-struct = {" "}(i `{ $o }`)
ron-type-string = en sträng inom citattecken ("…")
ron-type-bool = sanningsvärdet `true` eller `false`
ron-type-list = en lista `[…]`
ron-type-map = en tabell `{"{"}…{"}"}`
ron-type-char = ett enda tecken
ron-type-option = `Some(…)` eller `None`
ron-type-unit = `()`
ron-type-number = ett tal
ron-type-uint = ett icke-negativt heltal
ron-type-int = ett heltal
ron-type-struct = en struktur `{ $name }(…)`
ron-type-enum = ett av alternativen i `{ $name }`
ron-type-tuple = en tupel `(…)` med { $n } element
ron-found-string = strängen { $v }
ron-found-bool = sanningsvärdet { $v }
ron-found-int = heltalet { $v }
ron-found-float = decimaltalet { $v }
ron-found-char = tecknet { $v }
ron-found-option = ett valfritt värde
ron-found-variant = ett alternativnamn
ron-unknown-variant = okänt alternativ `{ $found }`{ $at }
ron-unknown-variant-allowed = okänt alternativ `{ $found }`{ $at }; tillåtna är { $allowed }
ron-unknown-field = okänt fält `{ $found }`{ $at }; tillåtna fält är { $allowed }
ron-missing-field = det obligatoriska fältet `{ $field }` saknas{ $at }
ron-duplicate-field = fältet `{ $field }` anges två gånger{ $at }
ron-wrong-type = här borde det stå { $expected }, inte { $found }
ron-wrong-length = här borde det stå { $expected }, men det finns { $found } element
ron-wrong-struct-name = här borde det stå `{ $expected }`, inte `{ $found }`
ron-expected-open-paren = här borde det stå en inledande parentes `(`
ron-expected-named-paren = här borde det stå `{ $name }(` eller `(`
ron-expected-close-paren = här borde det stå en avslutande parentes `)` (eller ett kommatecken före nästa fält)
ron-expected-list = här borde en lista börja: den inledande `[` saknas
ron-expected-list-end = här borde listans avslutande `]` stå (eller ett kommatecken före nästa element)
ron-expected-map = här borde det stå en inledande `{"{"}`
ron-expected-colon = här saknas ett kolon `:`
ron-expected-map-end = här borde det stå en avslutande `{"}"}`
ron-expected-comma = här saknas ett kommatecken `,`
ron-expected-string = här borde det stå en sträng inom citattecken ("…")
ron-unclosed-string = strängen avslutas inte: det avslutande citattecknet `"` saknas
ron-expected-identifier = här borde det stå ett namn (på ett fält eller ett alternativ)
ron-expected-bool = här borde det stå `true` eller `false`
ron-expected-integer = här borde det stå ett heltal
ron-expected-number = här borde det stå ett tal
ron-expected-unit = här borde det stå `()`
ron-expected-option = här borde det stå `Some(…)` eller `None`
ron-expected-char = här borde det stå ett enda tecken inom apostrofer ('x')
ron-escape-unknown = strängen har en okänd escape-sekvens: efter ett omvänt snedstreck kan `"`, `\`, `n`, `t` eller `u{"{"}…{"}"}` stå (snedstrecket självt skrivs `\\`)
ron-escape-hex = en teckenkod i strängen innehåller en siffra som inte är hexadecimal
ron-escape-unicode = strängens Unicode-sekvens är felaktig: skriv den som `\u{"{"}00e4{"}"}`
ron-escape-other = strängen har en ogiltig escape-sekvens ({ $detail })
ron-integer-out-of-bounds = talet är för stort eller för litet för det här fältet
ron-integer-digit = tecknet { $digit } är inte tillåtet i ett heltal
ron-number-underscore-start = ett tal kan inte börja med ett understreck
ron-float-underscore = ett decimaltal kan inte innehålla understreck
ron-unexpected-char = oväntat tecken { $c }
ron-trailing-characters = det finns mer text i filen efter scenariot
ron-invalid-identifier = `{ $id }` duger inte som namn: ett fält- eller alternativnamn börjar med en bokstav
ron-expected-struct-name = här borde namnet `{ $name }` stå före parentesen `(`
ron-unclosed-comment = en kommentar `/* … */` avslutas inte
ron-not-utf8 = strängen är inte giltig UTF-8-text
ron-invalid-value = ogiltigt värde: { $detail }
ron-other = filen är inte giltig RON: { $detail }

## runtime

runtime-finished = Samtalet har redan avslutats.
runtime-no-such-option = Alternativ { $n } finns inte (den här turen har { $count }).
runtime-no-such-option-id = Inget alternativ med id:t `{ $id }` visas i den här turen ({ $count } alternativ).
runtime-wrong-input-choice = I den här turen väljer du ett alternativ med dess nummer.
runtime-wrong-input-free-text = I den här turen skriver du ett eget svar.
runtime-wrong-input-write-then-pick = I den här turen skriver du först ett eget svar och väljer sedan det närmaste alternativet.
runtime-no-route = Ingen fritextregel i den här turen passar svaret.
runtime-no-such-turn = Det finns ingen tur { $n } att spola tillbaka till (hittills { $turns } svar).
runtime-mismatch = Det sparade samtalet passar inte scenariot: { $detail }

## size

size-mb = { $mb } MB ({ $bytes } byte)
size-bytes = { $bytes } byte

## skill

skill-relational = relationella färdigheter (partnerskap och empati)
skill-technical = att odla förändringsprat och mildra bevarandeprat
skill-pct-cr = andelen komplexa reflektioner (minst 40 %)
skill-r-q = minst lika många reflektioner som frågor

## trend

trend-first = Ditt första försök i den här övningen.
trend-better = Bättre än förra gången (försök { $n }).
trend-same = Ungefär samma nivå som förra gången (försök { $n }).
trend-worse = Svagare än förra gången (försök { $n }).
trend-relational = relationella färdigheter { $sign }{ $change }
trend-technical = tekniska färdigheter { $sign }{ $change }
trend-with-changes = { $head } { $changes }.

## typed

typed-free-text-rule-turn = fritextregel { $n } i turen `{ $id }` har varken `next` eller `clarify`
typed-give-next-move-clarify = ange `next: "…"` om samtalet går vidare, eller `clarify: (…)` för en klientreplik som håller turen öppen
typed-free-text-rule-turn-2 = fritextregel { $n } i turen `{ $id }` har både `clarify` och `next: "{ $next }"`
typed-clarify-line-keeps-turn = en `clarify`-replik håller turen öppen; lämna bort `next`
typed-clarify-line-free-text = den förtydligande repliken (`clarify`) i fritextregel { $n } i turen `{ $id }`
typed-turn-accepts-typed-reply = turen `{ $id }` tar inte emot skrivna svar: en studerande som svarar med egna ord kommer inte vidare här
typed-add-free-text-rules = lägg till fritextregler (`free_text`) där den sista är `(when: Otherwise, clarify: (…))`
typed-option-turn-id-use = alternativ { $n } i turen `{ $id }` har id:t `{ $oid }`: använd bokstäver, siffror, `-` eller `_`
typed-option-id-used-twice = alternativets id `{ $oid }` används två gånger i turen `{ $id }`
typed-option-turn-marked-but = alternativ { $n } i turen `{ $id }` är märkt `{ $name }`, men ingen fritextregel i turen känner igen `{ $name }`
typed-add-when-ethics-next = lägg till `(when: Ethics({ $name }), next: "…")` före `Otherwise`, så att en studerande som skriver samma misstag möter samma klient
typed-otherwise-rule-turn-sets = `Otherwise`-regeln i turen `{ $id }` sätter `{ $flags }` fast ingenting är känt om svaret
typed-fallback-should-move-conversation = en reservregel ska inte föra samtalet vidare som om den studerande hade sagt något; använd `clarify: (…)` eller sätt flaggor bara i regler som känner igen svaret
typed-otherwise-rule-turn-reaches = `Otherwise`-regel { $rn } i turen `{ $id }` når en bra avslutning på { $d } svar, snabbare än något MI-förenligt svar
typed-unrecognised-reply-must-shortcut = ett svar som inte känns igen får inte vara en genväg till en bra avslutning; håll turen öppen med `clarify: (…)` eller skicka det dit ett neutralt svar leder
typed-free-text-rule-turn-3 = fritextregel { $rn } i turen `{ $id }` känner igen en bra reparation men leder till `{ $next }`, varifrån bara dåliga avslutningar kan nås
typed-reflection-asking-client-s = en reflektion, en fråga om klientens syn eller en ursäkt ska ge samtalet en väg tillbaka

## val

val-no-lang-text-here = här saknas text på `{ $lang }`
val-add-lang-text = lägg till `{ $lang }: "…"` här, en översättning av texten på `{ $shown }` ”{ $text }”; tills dess ser den studerande den
val-scenario-nodes = scenariot har inga noder
val-node-id-must-letters = nod-id:t `{ $id }` får bara innehålla bokstäver, siffror, `-` och `_` och ska börja med en bokstav eller siffra
val-node-id-used-twice = nod-id:t `{ $id }` används två gånger
val-first-used-line = första gången på rad { $line }
val-start-node-exist = startnoden `{ $start }` finns inte
val-max-turns-given-without = `max_turns` anges utan `on_limit`
val-add-limit-ending-id = lägg till `on_limit: "<avslutningens id>"`: avslutningen som samtalet går till när gränsen nås
val-limit-given-without-max = `on_limit` anges utan `max_turns`
val-limit-goes-node-exist = `on_limit` leder till noden `{ $end }`, som inte finns
val-limit-names-turn-must = `on_limit` pekar på turen `{ $end }`; den ska peka på en avslutning
val-max-turns-must-more = `max_turns` ska vara minst 1
val-max-turns-less-than = `max_turns: { $max }` är mindre än de { $need } svar som den kortaste vägen till en bra avslutning kräver
val-every-conversation-would-end = varje samtal skulle ta slut vid gränsen; höj `max_turns`
val-scenario-id-must-lowercase = scenario-id:t `{ $id }` får bara innehålla gemena bokstäver, siffror, `-` och `_`
val-version-must-more = `version` ska vara minst 1
val-difficulty-out-range-willing = svårighetsgraden { $d } duger inte: 1 villig, 2 ambivalent, 3 motvillig eller i kris
val-start-state-importance-confidence = start_state: importance, confidence och discord ligger mellan 0 och 10, momentum mellan −5 och 5
val-persona-age-plausible = personans ålder { $age } är inte trovärdig
val-title = rubriken (`title`)
val-summary = sammanfattningen (`summary`)
val-goal = målet (`goal`)
val-persona-s-situation = personans situation (`situation`)
val-persona-s-service = personans tjänst (`service`)
val-persona-s-name-empty = personans namn (`name`) är tomt
val-learning-outcome = lärandemål { $n }
val-cannot-flag-name = `{ $f }` duger inte som flaggnamn
val-flag-declared-twice = flaggan `{ $f }` deklareras två gånger
val-condition-uses-variable-declared = villkoret använder `{ $f }`, som varken är en variabel eller en deklarerad flagga
val-declare-flags-scenario-s = deklarera flaggor i scenariots lista `flags: [...]`
val-condition-refers-node-exist = villkoret hänvisar till noden `{ $n }`, som inte finns
val-set-names-flag-declared = `set` sätter flaggan `{ $f }`, som inte har deklarerats
val-next-goes-node-exist = `next` leder till noden `{ $next }`, som inte finns
val-effect-out-range-effects = effekten `{ $field }: { $shown }` ligger utanför det tillåtna området; en effekt är ett tal mellan -{ $MAX_EFFECT } och { $MAX_EFFECT }
val-node-client-lines = noden `{ $id }` har inga klientrepliker
val-every-line-node-condition = varje replik i noden `{ $id }` har ett villkor; om inget uppfylls säger klienten den första
val-line-node = replik { $n } i noden `{ $id }`
val-line-node-weight-counts = replik { $n } i noden `{ $id }` har vikten 0; den räknas som 1
val-meaning-listed-twice-line = betydelsen `{ $m }` finns två gånger i samma replik
val-meaning-cue-words = betydelsen `{ $m }` har inga nyckelord
val-debrief-ending = genomgången (`debrief`) för avslutningen `{ $id }`
val-turn-options-free-text = turen `{ $id }` har varken alternativ eller fritextregler: samtalet stannar här
val-add-options-free-text = lägg till alternativ (`options`) eller fritextregler (`free_text`), eller gör noden till en `Ending`
val-turn-asks-learner-pick = i turen `{ $id }` ska den studerande välja ett alternativ, men det finns inga
val-turn-takes-typed-replies = turen `{ $id }` besvaras genom att skriva, men den har inga fritextregler (`free_text`)
val-option-turn = alternativ { $n } i turen `{ $id }`
val-feedback-option-turn = responsen på alternativ { $n } i turen `{ $id }`
val-option-turn-mi-codes = alternativ { $n } i turen `{ $id }` har inga MI-koder
val-give-least-code-e = ange minst en kod, t.ex. `codes: [CR]` (`NONE` om ingen kod passar)
val-ethics-explanation-option-turn = den etiska förklaringen (`explain`) till alternativ { $n } i turen `{ $id }`
val-ethics-explanation-free-text = den etiska förklaringen (`explain`) till fritextregel { $n } i turen `{ $id }`
val-feedback-free-text-rule = responsen på fritextregel { $n } i turen `{ $id }`
val-rule-turn-needs-meaning = regel { $n } i turen `{ $id }` kräver betydelsen `{ $m }`, som ingen av turens repliker har
val-free-text-rule-turn = fritextregel { $n } i turen `{ $id }` kommer efter `Otherwise` (regel { $o }) och träffar därför aldrig
val-free-text-rules-turn = fritextreglerna i turen `{ $id }` saknar en `Otherwise`-regel utan `if`
val-free-text-rules-turn-2 = fritextreglerna i turen `{ $id }` saknar en `Otherwise`-regel
val-end-rules-when-otherwise = avsluta reglerna med `(when: Otherwise, next: "…")`, så att varje skrivet svar leder någonstans
val-give-option-when-make = låt ett alternativ vara utan `when` (eller täck alla fall med villkoren), eller gör turen till `FreeText`
val-option-turn-can-ever = inget alternativ i turen `{ $id }` kan någonsin visas: varje `when` är alltid falskt
val-every-option-turn-when = varje alternativ i turen `{ $id }` har ett `when`, och alla kan vara falska samtidigt
val-e-g-when-learner = t.ex. när { $state }: den studerande skulle inte ha något att välja
val-every-option-turn-when-2 = varje alternativ i turen `{ $id }` har ett `when`; alla kan kanske vara falska samtidigt
val-check-effect-override-codes = kontrollera dess `effect` och koder; poängsättningen beskrivs i docs/scoring.md
val-node-cannot-reached-from = noden `{ $id }` går inte att nå från början
val-option-free-text-rule = inget alternativ och ingen fritextregel leder hit
val-ending-can-reached-from = från noden `{ $id }` går det inte att nå någon avslutning: samtalet går runt i en ändlös slinga
val-path-mi-consistent-replies = ingen väg av MI-förenliga svar leder från början till en bra avslutning
val-every-route-nextstep-referral = varje väg till en `NextStep`- eller `Referral`-avslutning går via ett övertalande, konfronterande eller oetiskt svar
val-scenario-nextstep-referral-ending = scenariot har ingen `NextStep`- eller `Referral`-avslutning
val-did-you-mean = menade du `{ $close }`?
val-meaning-not-at-turn = ingen av turens repliker har den här betydelsen
val-meaning-on-other-node = betydelsen `{ $m }` finns på en replik i noden `{ $node }`; en regel kan bara använda betydelserna hos den egna turens repliker (och hos dess `clarify`-repliker)
val-turn-meanings = turens betydelser: { $list }
val-add-meaning-to-line = för att använda den här, lägg till `(id: "{ $m }", side: Change, fi: ["…"])` (eller `side: Sustain`) i `meanings` på någon av turens repliker
val-because-unknown-next = eftersom `next: "{ $next }"` inte leder till någon nod
val-follows-from-unknown-next = detta följer av `next: "{ $next }"` på { $line }:{ $column }, som inte leder till någon nod (menade du `{ $close }`?); rätta det först
val-perhaps-because-unknown-next = kanske eftersom `next: "{ $next }"` inte leder till någon nod
val-may-follow-from-unknown-next = detta kan följa av `next: "{ $next }"` på { $line }:{ $column }, som inte leder till någon nod; rätta det först
val-module-not-in-course = `module: "{ $module }"` är inte en modul i kursen `{ $course }`
val-module-not-in-course-label = kursen har ingen sådan modul
val-course-modules = kursens moduler: { $list }
val-module-counts-nowhere = om ingen modul i kursen räknar upp scenariot räknas ett godkänt försök inte mot något lärandemål
val-condition-error = villkor: { $error }
val-inconsistent-outscores = alternativ { $n } i turen `{ $id }` strider mot MI men får { $score } poäng, mer än alternativ { $m } ({ $good })

## why

why-not-ethics = Etiken i digitalt stöd: { $list } (svar { $turns }). Redan ett sådant svar räcker för att inte bli godkänd.
why-not-unfinished = Samtalet blev oavslutat: för det ända till slutet.
why-not-ending = Samtalet slutade inte väl ({ $outcome }). Målet är att klienten formulerar sitt eget nästa steg eller hänvisas till en lämplig tjänst.
why-not-ending-limit = Samtalet slutade inte väl ({ $outcome }). Målet är att klienten formulerar sitt eget nästa steg eller hänvisas till en lämplig tjänst. Samtalet gick runt i cirklar tills tiden tog slut.
why-not-level = Dina MI-färdigheter låg under godtagbar nivå. Att arbeta med: { $list }.

## The client model (validate/client.rs, cond.rs)
client-trust-range = `trust: { $trust }` duger inte: förtroendet är 0–10
client-min-consistent-zero = `min_consistent` måste vara minst 1
client-reason-not-meaning = skälet `{ $r }` mot förändring är inte id:t för någon `Sustain`-betydelse i klientens repliker
client-reason-not-meaning-note = ett skäl är en betydelse som klienten säger: `meanings: [(id: "{ $r }", side: Sustain, …)]`
client-cond-unknown-name = `{ $x }` är varken en variabel, en deklarerad flagga eller en nod
client-cond-unknown-reason = `{ $r }` är inget deklarerat skäl
client-cond-problem = villkoret `{ $field }` i `client_model`: { $problem }
client-hears-unknown = `hears` nämner `{ $h }`, som inte finns bland skälen i `client_model.reasons`
client-hears-not-reflection = ett alternativ som hör (`hears`) ett skäl måste vara en reflektion (`SR` eller `CR`)
client-cond-reason-undeclared = villkoret nämner skälet `{ $r }`, som inte finns i `client_model.reasons`
client-reason-never-returns = skälet `{ $r }` kommer aldrig tillbaka: ingen av klientens repliker har `unheard({ $r })` i sitt `when`
client-reason-never-returns-note = skriv en senare replik som tar upp det igen ("jo, men…") med `when: "unheard({ $r })"`
client-too-few-consistent = ett gott slut nås redan efter { $n } MI-förenliga svar; det här scenariot kräver minst { $min } (`min_consistent`, som standard enligt `difficulty: { $d }`)
client-too-few-path = vägen: { $steps }
client-too-few-note = låt klienten göra motstånd längre: villkora steget med `stage` eller `trust`, eller låt ett skäl komma tillbaka
cond-unknown-stage = okänt stadium `{ $name }`; stadierna är precontemplation, contemplation, preparation och action
paths-good-ending-too-soon = Det goda slutet `{ $id }` nås redan efter { $n } MI-förenliga svar (minst { $min }): klienten ger med sig för lätt.
cond-arg-reason-id = ett id för ett skäl mot förändring
