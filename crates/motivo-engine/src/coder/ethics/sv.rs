//! Swedish ethics rules (Finland-Swedish, incl. a few spoken forms: "int" for "inte", "nån", "nåt", "mej",
//! "dej"). Words are lower-cased and apostrophes dropped; "låt mig" becomes one word (`låtmig`).

use super::RuleDef;
use crate::model::EthicsKind::*;

pub(super) const CLASSES: &[(&str, &str)] = &[
    (
        "CRED",
        "*kod* *koder* pin pinkod* pin-kod* lösen* lösenord* användarnamn* nyckeltal* siffror* siffrorna \
         bankkod* nätbankskod* tunnus* tunnusluku*",
    ),
    ("HOLDER", "lapp lappen lappar anteckning* häfte* kort kortet kuvert* papper* listan lista"),
    ("PRON", "dem dom den det de"),
    ("SUBJ", "jag låtmig jagkan"),
    (
        "DO",
        "knappa* skriv* skrev mata* slå* ta tar håll* spara* sparar förvar* anteckn* använd* fyll* tryck* trycka \
         ange* lägg* lägga sätt* sätta",
    ),
    (
        "TASK",
        "fyller fylla fyll gör göra gjorde bokar boka förnyar förnya uppdaterar uppdatera installerar installera \
         laddar ladda skickar skicka bifogar bifoga fixar fixa sköter sköta ändrar ändra beställer beställa klickar \
         klicka trycker trycka tar ta skriver skriva betalar betala sparar spara slutför ansöker ansöka knappar \
         knappa",
    ),
    (
        "RELPOSS",
        "mammas pappas mors fars makens makes mans mannens frus fruns dotterns dotters sonens sons brors broderns \
         systerns systers mormors morfars farmors farfars grannens hans hennes deras barnbarnets svärsonens",
    ),
    (
        "RELOBJ",
        "mamma mamman pappa mor far make maken mannen fru frun dotter dottern son sonen bror brodern syster \
         systern granne grannen barnbarn barnbarnet honom henne svärson",
    ),
    ("AUTH", "fullmakt* *fullmakt* valtuu* valtakirja* ombud*"),
    (
        "DATA",
        "resultat* diagnos* recept* uppgifter* data journal* beslut* kontoutdrag* läkemedelslista* prov* \
         provsvar* kortet",
    ),
    ("DEVICE", "telefonen telefon mobilen mobil plattan surfplattan datorn dator musen tangentbordet ipaden"),
    (
        "MED",
        "medicin* läkemed* resultat* värde* värdet värdena blodtryck* blod* kolesterol* diagnos* fynd* tumör* \
         cancer symtom* smärt* ont feber huvudvärk* omaolo dos* yr* yrsel* läkare* läkaren labb* provsvar* \
         lever* tablett*",
    ),
    ("SHARED", "bibliotek* delad* offentlig* allmän* datorn dator webbläsare*"),
    ("EXCEPTDO", "visa* visar exempel demo steg* instruktion* anvisning* själv själva egen egna eget förklar* lapp"),
];

pub(super) const RULES: &[RuleDef] = &[
    // ---- Acting in another person's name without an authorisation.
    RuleDef {
        kind: ActsWithoutAuthorisation,
        pats: &[
            "utan .. @AUTH",
            "behövs|behöver .. inte|int|ingen .. @AUTH",
            "ingen @AUTH .. behövs",
            "@AUTH .. onödig*|byråkrati|krångel|överdrivet",
            "snabbare|enklare|lättare än .. @AUTH",
            "@AUTH .. behövs .. inte|int",
            "ingen .. märker|kollar|kontrollerar",
            "ingen kommer .. märka|kolla|kontrollera",
        ],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &[],
    },
    RuleDef {
        kind: ActsWithoutAuthorisation,
        pats: &[
            "~2 @RELPOSS @CRED|namn|inloggning|konto|bank|bankkoder",
            "~3 ge|lämna|säg|berätta @RELOBJ .. @CRED",
            "~3 i @RELPOSS namn",
            "~2 för @RELPOSS räkning",
            "~2 på @RELPOSS vägnar",
        ],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &["@AUTH", "egna|egen|tillhör*|personlig*"],
    },
    // A third person by name ("Vi loggar in med Gunnels bankkoder").
    RuleDef {
        kind: ActsWithoutAuthorisation,
        pats: &["~2 ^s @CRED"],
        with: &["logga*|loggar|använd*|knappa*|skriv*|ta|tar|gå|går|kolla*|öppna*|förnya*|mata*|sätt*|fyll*"],
        ctx: &[],
        need: &[],
        unless: &["@AUTH", "egna|egen|tillhör*|personlig*|tillbaka"],
    },
    // ---- Taking, typing or keeping the client's codes.
    RuleDef {
        kind: TakesCredentials,
        pats: &["@SUBJ @DO", "~3 ska|kan jag @DO", "jag .. redan .. dina"],
        with: &["@CRED"],
        ctx: &["@PRON|@HOLDER"],
        need: &[],
        unless: &["själv|själva|bort|@RELOBJ|hur|var"],
    },
    RuleDef {
        kind: TakesCredentials,
        pats: &[
            "~4 ge|räck|lämna @CRED",
            "~4 ge|räck|lämna mig .. @CRED",
            "~4 säg|berätta|läs|visa @CRED",
            "~4 säg|berätta|läs|visa mig .. @CRED",
            "vad .. är .. ditt|din|dina @CRED",
            "~5 skriv|anteckna @CRED .. åt|till mig",
            "lämna .. @CRED .. hos|till mig",
        ],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &["själv|tyst|ingen|någon|nån|@RELOBJ|var|hur"],
    },
    RuleDef {
        kind: TakesCredentials,
        pats: &["~3 ge|räck|lämna|visa|läs @PRON|@HOLDER", "~5 skriv|anteckna @PRON .. åt|till mig"],
        with: &[],
        ctx: &["mig|hit"],
        need: &[],
        unless: &["själv|@RELOBJ"],
    },
    // ---- Logging in as the client.
    RuleDef {
        kind: LogsInAsClient,
        pats: &["@SUBJ|vi logga*|loggar|identifiera*|identifierar", "@SUBJ|vi går|gå|kommer .. in"],
        with: &[
            "som dig",
            "dina @CRED|bankkoder|uppgifter|nätbank*",
            "ditt @CRED|konto|lösenord|användarnamn|mobilcertifikat",
            "din nätbank|inloggning|pinkod|pin-kod",
            "åt dig",
            "för dig",
            "i ditt namn",
        ],
        ctx: &[],
        need: &[],
        unless: &["egna|eget|egen|själv"],
    },
    // ---- Leaving the client's data exposed.
    RuleDef {
        kind: PrivacyBreach,
        pats: &[
            "lämna|lämnar|låt|låter|håll|vara .. inloggad|öppen|öppet .. alltid|jämt",
            "lämna|lämnar|låt|låter|håll|vara .. inloggad|öppen|öppet hela tiden",
        ],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &["så att|aldrig|inte|int"],
    },
    RuleDef {
        kind: PrivacyBreach,
        pats: &[
            "behöver|behövs .. inte|int .. logga|loggar .. ut",
            "ingen idé .. logga .. ut",
            "behöver|behövs .. inte|int .. rensa|tömma",
            "lämna|lämnar|låter|låta .. inloggad|öppen|öppet|på",
            "loggar ut sig själv",
            "förbli|vara .. inloggad",
        ],
        with: &[],
        ctx: &[],
        need: &["@SHARED|@DATA"],
        unless: &["så att"],
    },
    RuleDef {
        kind: PrivacyBreach,
        pats: &[
            "ingen .. bryr|tittar|ser|lyssnar|märker",
            "gör inget|ingenting .. om .. ser|hör",
            "alla|andra|folk .. kan .. se|höra",
            "vänd .. skärmen .. alla|kön|korridoren",
            "~6 @SUBJ fota*|fotograferar|bild|kopia|skärmdump*",
            "@SUBJ .. sparar|spara|kopierar|kopiera|antecknar|skriver .. @DATA|det|dem",
            "skicka*|vidarebefordra* .. min|mitt|mina .. e-post|epost|mejl|whatsapp|telefon|inkorg",
            "@SUBJ .. skicka* .. mig själv|whatsapp",
            "dela* .. gruppen|chatt*|whatsapp|facebook",
            "~3 @SUBJ berätta*|berättar|skicka*|visa*|visar|vidarebefordra* .. @RELOBJ",
            "läs* .. högt .. väntrummet|alla|här",
            "lämna .. papperet|lappen|den|det .. bordet|disken",
            "spara* .. delad*|bibliotek*|allmän*",
        ],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &["så att", "ingen annan"],
    },
    // ---- Beyond the helper's competence.
    // Treatment advice: which medicine to take or put on (unless a doctor, nurse or pharmacy is the source).
    RuleDef {
        kind: BeyondCompetence,
        pats: &["ta|tar|smörj|smörjer|använd|använder|prova|testa .. kräm*|salva*|kortison*|hydrokortison*|ipren*|\
             alvedon*|panodil*|antibiotik*|värktablett*|tablett*|piller|sömntablett*"],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &["läkar*|sjukskötar*|skötar*|apotek*|fråga|ordinera*|recept*|sa|sade"],
    },
    RuleDef {
        kind: BeyondCompetence,
        pats: &[
            "inte|int farligt|farlig|allvarligt",
            "inget farligt|allvarligt",
            "ingenting att oroa",
            "behöver inte oroa",
            "säkert|nog|troligen|antagligen|garanterat .. stress|förkylning|influensa|ofarlig*|cancer|depression|migrän|infektion",
            "bara .. stress|förkylning|influensa|ofarlig*",
            "betyder",
            "~2 helt|alldeles|fullt|ganska|rätt normal*|vanlig*|bra|ok|okej|fint",
            "värde*|resultat*|siffr*|provsvar* .. är|ser .. bra|normal*|fina|fin|ok|okej",
            "ett bra|normalt|fint värde",
            "behöver|behövs .. inte|int .. gå|åka|ringa",
            "ingen idé .. gå|åka|ringa",
        ],
        with: &[],
        ctx: &[],
        need: &["@MED"],
        unless: &["vad|fråga*|läkar*|sköt*|apotek*|bedöm*", "kan berätta|säga|bedöma"],
    },
    RuleDef {
        kind: BeyondCompetence,
        pats: &[
            "behöver|behövs .. inte|int|ingen .. läkar*",
            "behöver|behövs .. inte|int|ingen .. medicin*|läkemed*|medicinering*|behandling*",
            "sluta .. ta",
            "halvera|dubbla|fördubbla|öka|minska .. dos*|dosen",
            "ta en värktablett",
            "överdriv*",
            "du har .. cancer|depression|diabetes|influensa|infektion",
            "@SUBJ tolkar|tolka",
            "går bra|funkar|fungerar .. tillsammans|samtidigt",
            "ingen|inga interaktion*|växelverkan",
            "kan .. ta .. tillsammans|samtidigt",
            "tolkar|tolka .. åt dig",
        ],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &[],
    },
    RuleDef {
        kind: BeyondCompetence,
        pats: &[
            "får .. säkert|garanterat|definitivt .. stöd*|bidrag*|ersättning*|pension*|det|den",
            "~2 får det|den|stödet|bidraget .. säkert|garanterat|definitivt",
            "beviljar|godkänner alltid",
            "beviljas .. säkert|alltid|garanterat",
            "alltid .. beviljar|godkänner|beviljas",
            "vinner .. säkert|garanterat",
            "behöver|behövs .. inte|int .. betala",
            "slipper betala",
            "kasta bort",
            "säkert rätt|korrekt",
            "ingen idé .. kolla|kontrollera",
            "betala .. senare|sent",
        ],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &["hjälp*|råd*|fråga*|ring*|kolla*|rådgivning*"],
    },
    // ---- Doing the task instead of letting the client press the keys.
    RuleDef {
        kind: DoesItForClient,
        pats: &[
            "~3 @SUBJ @TASK",
            "~2 ska|kan jag @TASK",
            "@SUBJ .. tar .. @DEVICE",
            "~3 ge|räck|lämna hit|mig .. @DEVICE|den|det",
            "~3 ge|räck|lämna @DEVICE .. hit|mig",
        ],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &["@EXCEPTDO|hjälp*|tillsammans|du", "med dig"],
    },
];

pub(super) const SIGNALS: &[(&str, &str)] = &[
    ("scam", "ringde|ringer .. från .. banken|nordea|polisen|microsoft|fpa|kela|posten"),
    ("scam", "någon|nån|man|kvinna .. från .. banken|nordea|polisen|microsoft"),
    ("scam", "polisen|banken .. ringde|ringer"),
    ("scam", "i telefon|luren"),
    ("scam", "fortfarande .. i|på .. telefon|linjen|luren"),
    ("scam", "han|hon|de|dom|någon|nån|den .. frågade|frågar|bad|ber|vill|ville|kräver .. @CRED"),
    ("scam", "gav|skrev|knappade|matade|slog .. @CRED|kortet|kortnummer*"),
    ("scam", "klickade|tryckte .. länk*"),
    ("scam", "via|genom länken"),
    ("scam", "säkert|tryggt konto"),
    ("scam", "kontot|koderna|kortet .. stängs|låses|spärras|raderas"),
    ("scam", "bekräfta|verifiera|uppdatera .. koder*|uppgifter*|bankkoder*|lösenord*"),
    ("scam", "flytta*|föra|överföra*|flyttade .. pengar*|pengarna"),
    ("scam", "pengar*|pengarna .. säkerhet|flyttade"),
    ("scam", "fjärr*|anydesk|teamviewer"),
    ("scam", "spärrat|spärras|fryst*"),
    ("scam", "jag|du har .. vunnit"),
    ("scam", "bekräfta något"),
    ("scam", "leveransavgift*|tullavgift*"),
    ("selfharm", "ta livet av mig"),
    ("selfharm", "skada|skadar .. mig själv"),
    ("selfharm", "självmord*"),
    ("selfharm", "vill .. dö"),
    ("selfharm", "vill inte|int leva"),
    ("selfharm", "orkar inte|int .. leva"),
    ("selfharm", "ingen mening .. leva|livet"),
    ("selfharm", "bättre|lättare .. om jag inte|int fanns"),
    ("selfharm", "göra slut på allt"),
    ("selfharm", "bättre .. utan mig"),
    ("selfharm", "ingen anledning .. leva"),
    ("selfharm", "vill .. att allt .. ska .. ta slut"),
    ("selfharm", "vill .. försvinna"),
    ("acute", "ont i bröstet"),
    ("acute", "bröstet .. trycker|kramar|värker"),
    ("acute", "vänster arm"),
    ("acute", "vänstra armen"),
    ("acute", "bröstsmärt*"),
    ("acute", "tryck|tryckande|trycker|kramar|värker .. bröstet"),
    ("acute", "kan inte|int .. andas"),
    ("acute", "andfådd|andnöd"),
    ("acute", "domnar|domnad*|bortdomnad*|känsellös*"),
    ("acute", "sluddr*|hänger"),
    ("acute", "svimmade|svimmat|svimmar|tuppade"),
    ("acute", "kräks|kräktes .. blod"),
    ("acute", "värsta|hemsk*|fruktansvärd* .. huvudvärk|smärta"),
    (
        "abuse",
        "sonen|son|dottern|dotter|barnbarnet|barnbarn|mannen|maken|grannen|bror|brodern|syster|systern|svärsonen|\
         svärdottern|vårdaren .. tar|tog|tar ut|använder|kräver|tvingar|ber|vill .. pengar*|pension*|kort*|konto*|@CRED",
    ),
    ("abuse", "saknas .. kontot|konto"),
    ("abuse", "pengar*|pengarna .. saknas|försvunnit|försvann|borta"),
    ("abuse", "vågar inte|int .. säga|fråga|vägra|neka"),
    ("abuse", "blir arg"),
];

pub(super) const ATTEND: &[&str] = &[
    "bedr*|bluff*|svindl*|spärr*|112|nödnumret|polis*|anmäl*|ambulans*|kris*|självmord*|skada*|säker*|farligt|\
     allvar*|oro*|orolig*|rädd*|hemsk*|tungt|tung|vänta|stopp|stoppa|sluta|fel|skrämmande|otäckt|jobbigt",
    "ring|ringa|ringer .. banken|112|läkare*|jouren|polisen|hälsocentral*|kris*|akuten",
    "berätta mer",
    "lägg|lägga på",
    "avsluta|avbryt .. samtalet",
    "bröst*|andning*|andas|smärt*",
];
