# Motivo – användargränssnittets texter (svenska, så som de skrivs i Finland).
# Nytt språk: kopiera den här filen till <kod>.ftl (t.ex. se.ftl) och översätt; koden behöver inte ändras.
# Termerna följer de finlandssvenska myndigheterna: Mina Kanta-sidor, FPA, Suomi.fi-fullmakter, stark autentisering.

language-name = Svenska
# Språket som scenariernas texter visas på.
content-lang = sv
decimal-separator = ,
window-title = Motivo – öva motiverande samtal

app-title = Motivo – öva motiverande samtal
language = Språk
open-settings = Inställningar
back-to-start = Till början
start-welcome = Öva motiverande samtal i situationer med digitalt stöd. Välj en övning. Klienten är simulerad: du kan pröva i lugn och ro, gå tillbaka och försöka på nytt.
continue-scenario = Fortsätt där du slutade: { $title }
module-e-services = Utmaningar med e-tjänster
module-ethics = Etik och lag i digitalt stöd
module-vulnerable = Klienter i utsatt ställning
module-security = Att ge råd om datasäkerhet
module-independence = Mot självständig användning av e-tjänster
module-counselling = Färdigheter i motiverande samtal
status-new = Inte påbörjad
status-in-progress = Pågår
status-passed = Godkänd { $times ->
        [one] på första försöket
       *[other] efter { $times } försök
    } – bästa nivå: { $level }
status-not-passed = Inte godkänd ännu ({ $times ->
        [one] ett försök
       *[other] { $times } försök
    }, bästa nivå: { $level })
status-unavailable = Finns inte i den här versionen
course-passed = Godkända övningar: { $passed }/{ $total }
course-outcomes = Uppnådda lärandemål: { $mastered }/{ $total }
module-mastered = Lärandemålet uppnått
module-locked = Låst
module-coming = Övningar kommer
module-open = Öppen
module-outcome = Mål: { $outcome }
other-scenarios = Andra övningar
trend-title = Utvecklingen jämfört med tidigare försök
trend-col-attempt = Försök
trend-col-date = Datum
trend-col-level = Nivå
trend-col-relational = Relationella färdigheter
trend-col-technical = Tekniska färdigheter

certificate-title = Kursen avklarad!
certificate-help = Alla lärandemål är uppnådda. Spara intyget, öppna det i webbläsaren och skriv ut det eller spara det som pdf.
certificate-name = Namn på intyget
certificate-save = Spara intyget
certificate-saved = Intyget har sparats: { $path }
certificate-downloaded = Intyget laddades ner till webbläsarens nedladdningar.
certificate-failed = Intyget kunde inte sparas: { $error }

report-turn-limit = Samtalet nådde övningens maximala längd, så klienten avslutade det här.
level-below-fair = under nöjaktig
level-fair = nöjaktig
level-good = god

persona = Klient
persona-name-age = { $name }, { $age } år
persona-service = Ärendet gäller: { $service }
goal = Samtalets mål
outcomes = Du övar på
start-conversation = Börja samtalet
resume-conversation = Fortsätt där du slutade
intro-keys = Enter börjar.

you = Du
open-report = Öppna responsen
back-to-conversation = Tillbaka till samtalet
exam-mode-note = Provläge: responsen visas först i slutet.
meter-title = Hur { $name } verkar just nu
meter-value = { $value }/{ $max }
meter-importance = Betydelse
meter-confidence = Tilltro till egen förmåga
meter-discord = Friktion
meter-help = Betydelse och tilltro är klientens egna bedömningar på en skala 0–10. Friktion visar hur mycket det skaver mellan dig och klienten.
feedback-title = Respons på ditt svar { $n }
feedback-codes = Ditt svar var: { $codes }
feedback-consistent = I linje med MI-andan
feedback-inconsistent = Inte i linje med MI-andan
feedback-why = Varför: { $why }
feedback-ethics = Etisk anmärkning: { $explain }
feedback-better = Ett bättre alternativ ({ $n }): ”{ $text }”
rewind-to = Gå tillbaka till svar { $n }
compare-title = Två försök sida vid sida
compare-close = Stäng jämförelsen
compare-same-until = { $n ->
        [0] Försöken skiljer sig redan från det första svaret.
        [one] Det första svaret är detsamma i båda.
       *[other] Svar 1–{ $n } är desamma i båda.
    }
compare-earlier = Tidigare försök
compare-now = Det här försöket
compare-unfinished = Pågår
compare-state = Betydelse { $importance }, tilltro { $confidence }, friktion { $discord }
outcome-NextStep = Klienten nämnde sitt eget nästa steg.
outcome-Referral = Klienten hänvisades till en tjänst som passar.
outcome-Postpones = Klienten sköt upp beslutet.
outcome-Disengages = Klienten drog sig ur samtalet.
keys-ending = Enter öppnar responsen.
free-text-unavailable = Skrivna svar kan inte tolkas i den här versionen: välj ett svar bland alternativen.
write-reply = Skriv ditt svar till klienten.
write-then-pick = Skriv först ditt eget svar och välj sedan det alternativ som ligger närmast.
reply-hint = Skriv ett svar…
reply-box-label = Ditt svar
send = Skicka
pick-reply = Välj ditt svar:
pick-closest = Välj det alternativ som ligger närmast ditt svar:
keys-conversation = Tangenter: siffrorna 1–9 väljer ett alternativ, Enter skickar texten, Ctrl+Z tar tillbaka det senaste svaret.

report-title = Respons: { $title }
report-unfinished = Samtalet är inte avslutat.
report-level = Helhetsnivå: { $level }
try-again = Försök igen
miti-title = MITI-nyckeltal
miti-measure = Mått
miti-value = Ditt resultat
miti-fair = Nöjaktig
miti-good = God
miti-level = Nivå
miti-relational = Relationella färdigheter (partnerskap, empati)
miti-technical = Tekniska färdigheter (att locka fram förändringsprat)
miti-pct-cr = Andel komplexa reflektioner
miti-r-q = Reflektioner per fråga
client-talk-summary = Klientens förändringsprat { $ct }, bibehållande prat { $st } – andel förändringsprat { $pct } %.
chart-codes = Koderna för dina svar
chart-change-talk = Andel förändringsprat (%)
chart-rulers = Betydelse och tilltro under samtalet
axis-turn = Svar
ethics-title = Etik i digitalt stöd
ethics-none = Inga etiska anmärkningar.
ethics-finding = Svar { $turn }: { $kind }
ethics-TakesCredentials = hantering av bankkoder eller lösenord
ethics-LogsInAsClient = inloggning i klientens namn
ethics-ActsWithoutAuthorisation = ärenden utan fullmakt
ethics-DoesItForClient = att göra det åt klienten
ethics-PrivacyBreach = att äventyra dataskyddet
ethics-IgnoresSafetySignal = att förbigå en säkerhetssignal
ethics-BeyondCompetence = att gå utöver sin egen kompetens
turns-title = Svar för svar
turn-client = { $n }. Klienten: ”{ $text }”
turn-you = Du: ”{ $text }”

code-OQ = öppen fråga
code-CQ = sluten fråga
code-SR = enkel reflektion
code-CR = komplex reflektion
code-AF = bekräftelse
code-SEEK = att söka samarbete
code-EMPH = att betona självbestämmande
code-GI = att ge information
code-PER = övertalning utan lov
code-PWP = övertalning med lov
code-CON = konfrontation
code-NONE = ingen kod

settings-title = Inställningar
settings-close = Klar
text-size = Textstorlek
text-smaller = Mindre
text-larger = Större
text-reset = Normal
high-contrast = Hög kontrast
feedback-mode = Respons
feedback-coach = Handledning
feedback-coach-help = Respons efter varje svar.
feedback-exam = Prov
feedback-exam-help = Ingen respons under samtalet, bara i slutet.
settings-saved-note = Inställningarna sparas på den här enheten.

notice-no-coder = Skrivna svar kan inte tolkas just nu. Välj ett svar bland alternativen.
error-empty = Svaret är tomt. Skriv något innan du skickar.
error-too-long = Svaret är för långt ({ $chars } tecken, högst { $max }). Korta av det.
error-not-text = Svaret innehåller tecken som inte är text.
error-no-route = Scenariot har ingen fortsättning för det här svaret. Pröva med andra ord.
error-finished = Samtalet har redan tagit slut.
error-wrong-input = Här svarar man på ett annat sätt.
error-other = Svaret kunde inte behandlas.

# Svarssätt: välj, skriv och välj, skriv fritt.
answer-mode = Svarssätt
answer-mode-here = Hur vill du svara i den här övningen?
answer-mode-minimum = Den som har gjort övningen kan kräva att du skriver på vissa ställen: där skriver du, även om du har valt alternativen.
answer-pick = Välj bland alternativen
answer-pick-help = Du väljer ett svar bland färdiga alternativ. Där det går att skriva kan du också skriva ett eget svar. Ett bra sätt att komma i gång; lärandemålen uppnås med egna ord.
answer-write-then-pick = Skriv och välj det närmaste
answer-write-then-pick-help = Du skriver först ditt eget svar och väljer sedan det alternativ som ligger närmast. Ditt skrivna svar tolkas och poängsätts.
answer-write = Skriv fritt
answer-write-help = Du skriver ditt svar med egna ord. Det tolkas, och samtalet fortsätter utifrån det.
write-or-pick = Skriv ett eget svar eller välj bland alternativen.
pick-after-writing = Skriv först ditt eget svar, så kan du välja det alternativ som ligger närmast:
code-with-abbr = { $name } ({ $abbr })
coded-confidence = Tolkningens säkerhet: { $pct } %
coded-low-confidence = Tolkningen är osäker: ditt svar var svårt att klassificera. Responsen kan slå fel.
coded-evidence = ”{ $cue }”: { $code }
coded-ethics = Etisk anmärkning i dina ord: { $kind } – ”{ $evidence }”
coded-ethics-likely = Möjlig etisk anmärkning i dina ord (tolkningen är inte säker, men fundera på hur det här blir för klienten): { $kind } – ”{ $evidence }”
verdict-passed = Du klarade den här övningen.
verdict-not-passed = Du har inte klarat den här övningen ännu.
verdict-unfinished = Samtalet är inte avslutat, så övningen är inte godkänd ännu.
verdict-try-again = Du kan försöka igen så många gånger du vill.
verdict-practice-only = Till lärandemålen räknas de försök där du svarade med egna ord (genom att skriva). Att svara genom att välja är övning.
miti-row = Ditt resultat { $value } – nöjaktig { $fair }, god { $good }
miti-row-level = Nivå: { $level }
chart-codes-consistent = i linje med MI-andan
chart-codes-inconsistent = inte i linje med MI-andan
chart-codes-count = { $n } st.
chart-change-talk-line = Förändringsprat
chart-discord = Friktion under samtalet

## Dates and the certificate's file name
date = { $day }.{ $month }.{ $year }
certificate-file = intyg.html
certificate-download = motivo-intyg.html

## Trainer mode (motivo --scenario FILE.ron)
trainer-file = Utbildarläge: { $path }
trainer-not-recorded = De här övningarna sparas inte som framsteg.
trainer-loaded = Filen är inläst. Den läses in på nytt varje gång du sparar den.
trainer-reloaded = Filen lästes in på nytt.
trainer-reload-kept = Filen lästes in på nytt: samtalet fortsätter där det var ({ $n ->
        [one] ett svar spelades upp på nytt
       *[other] { $n } svar spelades upp på nytt
    }).
trainer-reload-restarted = Filen lästes in på nytt: svar { $n } kunde inte spelas upp igen, så samtalet började om vid noden { $node } med samma klientläge.
trainer-reload-started-over = Filen lästes in på nytt: samtalet började om från början, eftersom dess nod inte längre finns.
trainer-errors = Filen kunde inte läsas in: { $n ->
        [one] ett fel
       *[other] { $n } fel
    }. Rätta och spara, så läses den in på nytt.
trainer-errors-kept = Filen har { $n ->
        [one] ett fel
       *[other] { $n } fel
    }: du övar fortfarande med den senaste versionen som gick att läsa in.
trainer-diagnostic = { $path }:{ $line }:{ $column }: { $code } { $message }
trainer-more = … och { $n } till (motivo check visar alla).
trainer-jump = Spela från en nod
trainer-node = Nod
trainer-flags = Flaggor
trainer-play-here = Spela härifrån
trainer-from-current = Där samtalet är nu
trainer-var-importance = Betydelse
trainer-var-confidence = Tilltro till den egna förmågan
trainer-var-discord = Friktion
trainer-var-momentum = Förändringens riktning

## Language files added at run time
i18n-not-a-language = { $file }: filnamnet är ingen språkkod ({ $code }); döp den till exempel till sv.ftl.
i18n-syntax = { $file }:{ $line }:{ $column }: syntaxfel i Fluent ({ $count ->
        [one] ett fel
       *[other] { $count } fel
    }); språket lades inte till.
i18n-too-large = { $file }: språkfilen är för stor ({ $bytes } byte, högst { $max }).
i18n-unreadable = { $file }: filen kunde inte läsas: { $error }
