//! Finnish ethics rules (kirjakieli and puhekieli; spoken forms are mapped first, so "mä näppäilen" is "minä
//! näppäilen" and "mulle" is "minulle").

use super::RuleDef;
use crate::model::EthicsKind::*;

pub(super) const CLASSES: &[(&str, &str)] = &[
    (
        "CRED",
        "tunnu* pankkitunnu* verkkopankkitunnu* *tunnuslu* *salasan* pin pin-* pinkoodi* *pin-koodi* *koodi* \
         avainlu* *avainlu* *lukulista* luku luvu* numerot numeroita numerosi numeron *tunnar* salis salikset \
         pin:* *numeroi* numerosarj*",
    ),
    ("HOLDER", "lappu* lapu* vihko* vihkon vihkoa lista* kortti* kortin kirjekuor* paperi* laite laitteen"),
    ("PRON", "ne niitä niille sen se sitä nämä nuo"),
    (
        "DO1",
        "näppäilen* kirjoitan* syötän* laitan* lisään* naputtelen* naputan* otan otanko pidän* säilytän* \
         tallennan* kirjaan* merkitsen* muistan* kokeilen* luen* vaihdan* tiedän käytän* täytän* painan* klikkaan* \
         klikkailen* asennan* lataan* päivitän* varaan* tilaan* korjaan* säädän* lähetän* liitän* teen hoidan* \
         maksan* allekirjoitan* kuittaan* vahvistan* hyväksyn* katson*",
    ),
    (
        "TASK1",
        "täytän* painan* klikkaan* klikkailen* näppäilen* syötän* asennan* lataan* päivitän* varaan* tilaan* \
         vaihdan* korjaan* säädän* lähetän* liitän* teen hoidan* maksan* kirjoitan* naputtelen* kuittaan* \
         hyväksyn* valitsen* allekirjoitan* rämpytän* näpyttelen*",
    ),
    ("AUX1", "voin voisin saanko saisinko annakun"),
    (
        "INFTASK",
        "tehdä hoitaa täyttää painaa klikata näppäillä syöttää asentaa ladata päivittää varata tilata vaihtaa \
         korjata säätää lähettää liittää maksaa kirjoittaa allekirjoittaa uusia",
    ),
    ("INFCRED", "näppäillä kirjoittaa syöttää laittaa ottaa pitää säilyttää tallentaa muistaa käyttää katsoa"),
    ("GIVE", "anna annas annapa antakaa annatko antaisitko antaa ojenna ojennapa luovuta jätä jättää tuo tuopa tuokaa"),
    (
        "TELL",
        "kerro kerrotko kertoisitko kerropa sano sanotko sanoisitko sanopa luettele luettelepa lue luepa näytä näytäpä näytätkö",
    ),
    ("TOME", "minulle minun tänne meille"),
    ("YOUR", "sinun teidän"),
    (
        "REL",
        "äiti* äidi* isä isän isäsi isälle* mies miehe* vaimo* tytär* tyttäre* poika* poja* veli velje* sisko* \
         sisare* mummo* mummu* vaari* pappa* isoäidi* isoisä* naapuri* lapsenlap* puoliso* omai* serkku* serku* \
         hänen heidän",
    ),
    (
        "RELALL",
        "tyttärelle* pojalle* lapsenlapselle* miehelle* vaimolle* naapurille* äidille* isälle* hänelle \
         siskolle* veljelle* puolisolle* omaiselle*",
    ),
    ("AUTH", "*valtuu* *valtakirj* edunvalv* suostumuslomak*"),
    // Legal and benefit matters a digital helper does not decide.
    (
        "LEGAL",
        "edunvalv* *valtuutu* valitu* valitta* oikaisuvaat* testament* perukirj* velka* velat ulosot* *tuki* *tuen* *tuke* \
         etuu* hakemu* päätö* eläke* eläkkee* toimeentul* perintö* sopimu*",
    ),
    // A crowd around the screen (reading aloud is fine at home, not in a waiting room).
    ("CROWD", "aula* odotus* käytävä* ihmisiä hälin* täynnä väkeä jono* porukka* kaikki muut"),
    (
        "NCRED",
        "tunnu* pankkitunnu* verkkopankkitunnu* *tunnuslu* *salasan* pin pin-* pinkoodi* *pin-koodi* koodi* koode* \
         *avainlu* mobiilivarmen* varmente* *tunnar* verkkopank* pin:*",
    ),
    (
        "USE",
        "kirjaudu* kirjautu* tunnistaudu* tunnistautu* käytä* käyte* käyttä* mennään menen mene päästään pääset \
         päästä näppäile* näppäillään laita* laitetaan syötä* syötetään ota otetaan otan tuo tuokaa hoida* \
         hoidetaan hoidan lainaa* lainataan katso* katsotaan avataan avaa kokeile* kokeillaan kirjoita* \
         kirjoitetaan lähetä* lähetetään tee tehdään uusi* uusitaan hyväksy* hyväksytään vahvista* vahvistetaan \
         jatketaan täytetään",
    ),
    (
        "DATA",
        "henkilötunnu* tulok* tulos diagnoo* resept* reseptilist* *lausun* tiedo* tieto* tietoja tietosi \
         lääkelis* henkilökort* päätö* *laborator* labra* sairau* potilastie* passi*",
    ),
    (
        "DEVICE",
        "puhelin* puhelime* kännyk* känny* tabletti* tabletin läppäri* kone konee* koneesi tietokone* laite \
         laitteesi laitteen hiiri hiiren näppäimistö* ipad*",
    ),
    (
        "MED",
        "lääk* tulok* arvo arvot arvoja arvon arvoa arvosi maksa-arvo* lukema* verenpain* kolesterol* diagnoo* \
         löydö* kasvai* syöp* oire* kipu* kuume* särky* särkee päänsär* omaolo* päivystyk* laborator* labra* \
         annos* huimau* huimaa crp* koholla viitear* tulehdu* bakteeri* masennu* f32* hemoglob* hb alakanti* \
         yläkanti* degeneraat* röntgen* löydös* kuvantam* varjo* krea* kreatin* gfr*",
    ),
    ("SHARED", "kirjasto* yhteis* *yhteiskone* kone koneelta koneella koneen selain* selaime* julkis* asiakaskone*"),
    (
        "EXCEPTDO",
        "esimerk* näytän näyttääkseni mallik* ohje ohjeet ohjeita ohjeen ohjeesi ohjeeksi vaihe* muistilap* demo*",
    ),
];

pub(super) const RULES: &[RuleDef] = &[
    // ---- Acting in another person's name without an authorisation (checked first: sharing codes with a
    // relative is this, not the helper taking them).
    RuleDef {
        kind: ActsWithoutAuthorisation,
        pats: &[
            "ei .. tarvi*|tarpee*|tarvitse* .. @AUTH",
            "ei .. @AUTH .. tarvi*|tarpee*|tarvitse*",
            "@AUTH .. ei .. tarvi*|tarvitse*|tarpee*",
            "@AUTH .. turha*|byrokrati*",
            "nopeampi|nopeampaa|helpompi|helpompaa|yksinkertaisempi|yksinkertaisempaa kuin .. @AUTH",
            "ilman @AUTH",
            "kukaan .. ei .. huomaa|tarkista|tarkistaa",
            "ei .. kukaan .. huomaa|tarkista|tarkistaa",
        ],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &[],
    },
    RuleDef {
        kind: ActsWithoutAuthorisation,
        pats: &[
            "~2 @REL tunnu*|pankkitunnu*|*tunnuslu*|*salasan*|nimissä*|nimissään|nimellä*|mobiilivarmen*|pin*|*tunnar*",
            "~3 @GIVE @RELALL",
            "~3 @RELALL .. @CRED",
            "kirjoita|laita|allekirjoita .. @REL nimi*",
            "kirjoita|laita|allekirjoita .. ^n nimi*|nimen",
        ],
        with: &["@CRED|nimissä*|nimellä*|nimi*|nimissään"],
        ctx: &[],
        need: &[],
        unless: &["@AUTH", "kuulu*|henkilökohtai*|silloin|jolloin|lähtis*|menis*"],
    },
    // Lending one's own login to a colleague or client ("kirjaa vaan mun alle", "käytä mun tunnareita").
    RuleDef {
        kind: ActsWithoutAuthorisation,
        pats: &["~2 minun alle|alla|nimiin|nimissä|nimellä|tunnuksilla|tunnareilla|tunnuksia|tunnareita|kortilla"],
        with: &["kirjaa|kirjaat|kirjaudu|käytä|ota|tee|laita|kirjoita"],
        ctx: &[],
        need: &[],
        unless: &["@AUTH|omilla|omat|omia"],
    },
    // Handing over one's own password ("Ota vaan, salasana on lapussa näppiksen alla").
    RuleDef {
        kind: ActsWithoutAuthorisation,
        pats: &["*salasan*|tunnu*|*tunnar* .. on .. lapussa|lapulla|alla|laatikossa|pöydällä"],
        with: &["ota|käytä"],
        ctx: &[],
        need: &[],
        unless: &["@AUTH"],
    },
    // A third person by name ("Mennään Elsan tunnuksilla sisään", "Käytä Pekan koodeja"), when someone acts
    // with the codes.
    RuleDef {
        kind: ActsWithoutAuthorisation,
        pats: &["~2 ^n @NCRED"],
        with: &["@USE"],
        ctx: &[],
        need: &[],
        unless: &["@AUTH", "kuulu*|henkilökohtai*|omat|omia|omilla|omansa|omiaan|omillaan"],
    },
    // The client says they use a relative's codes, and the reply goes on with the relative's matter.
    RuleDef {
        kind: ActsWithoutAuthorisation,
        pats: &["tehdään|hoidetaan|täytetään|lähetetään|laitetaan|haetaan .. @REL", "~3 @REL .. hakemu*|asia*|asiat"],
        with: &[],
        ctx: &[],
        need: &["@REL .. @NCRED|nimissä*|tunnuksensa|tunnukset"],
        unless: &["@AUTH", "paperi*|itse|kanssa|mukaan|allekirjoitta*|kuulu*|henkilökohtai*|ei|en|älä"],
    },
    RuleDef {
        kind: ActsWithoutAuthorisation,
        pats: &["~2 @REL puolesta*|puolestaan"],
        with: &["@DO1|@AUX1|hoida|tee|lähetä|täytä|maksa|uusi|kirjaudu|allekirjoita"],
        ctx: &[],
        need: &[],
        unless: &["@AUTH"],
    },
    // ---- Taking, typing or keeping the client's codes.
    RuleDef {
        kind: TakesCredentials,
        pats: &["@DO1", "@AUX1 @INFCRED"],
        with: &["@CRED"],
        ctx: &["@PRON|@HOLDER"],
        need: &[],
        unless: &["muualle|pois|sivuun|omia|omilla|omat|omani|omillani|omiin|kuulu*|@RELALL"],
    },
    RuleDef {
        kind: TakesCredentials,
        pats: &["~4 @GIVE @CRED", "~4 @TELL @CRED", "~5 kirjoita|merkitse|kirjoitapa @CRED"],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &["itse|hiljaa|mielessäsi|itselläsi|@RELALL|missä|mihin|miten|mistä|pankille"],
    },
    RuleDef {
        kind: TakesCredentials,
        pats: &["~3 @GIVE|@TELL @PRON|@HOLDER"],
        with: &[],
        ctx: &["@TOME|ääneen"],
        need: &[],
        unless: &["itse|itselläsi|@RELALL"],
    },
    RuleDef {
        kind: TakesCredentials,
        pats: &["~6 otan|otanpa|otetaan|kuvaan kuva*|valokuva*|kuvakaappau*|kopio*"],
        with: &["@CRED"],
        ctx: &["minun|minulle|puhelime*|talteen"],
        need: &[],
        unless: &["itse|itsellesi|omaan|omalle|sinun|puhelimeesi|@RELALL"],
    },
    // ---- Logging in as the client.
    RuleDef {
        kind: LogsInAsClient,
        pats: &[
            "kirjaudun*|tunnistaudun*|kirjaudutaan*|tunnistaudutaan*",
            "@AUX1 kirjautua|tunnistautua",
            "hoidan|menen|mennään .. kirjautumi*|sisään",
            "~3 menen|mennään|käytän @YOUR",
            "käyn|kurkkaan|kurkkaamaan|käymään",
            "@AUX1 mennä|esiintyä",
            "@AUX1 käydä|katsoa|kurkata",
            "jatkan|toimin|asioin|hyväksyn|vahvistan|allekirjoitan",
            "painan .. vahvista*|hyväksy*",
        ],
        with: &[
            "sinuna",
            "tunnuksillasi|pankkitunnuksillasi|mobiilivarmenteellasi|varmenteellasi|verkkopankkiisi|puolestasi|\
             mobiilivarmennettasi|tunnuksiasi|tunnareillasi|tunnareitasi|tililläsi|tililtäsi|tilillesi|tiliisi",
            "~2 @YOUR tunnu*|pankkitunnu*|mobiilivarmen*|varmente*|nimellä*|nimissä*|puolesta*|verkkopankki*|\
             *salasan*|*tunnar*|tili*|tilil*|pankkisovellu*|sovellu*|verkkopank*|puhelime*",
        ],
        ctx: &[],
        need: &[],
        unless: &[],
    },
    // ---- Leaving the client's data exposed.
    RuleDef {
        kind: PrivacyBreach,
        pats: &[
            "pidä|pidät|pitää|jätä|jätät|jättää|jätetään .. kirjautuneena|kirjautuneeksi|auki .. aina|pysyvästi",
            "pidä|pidät|pitää|jätä|jätät|jättää|jätetään .. kirjautuneena|kirjautuneeksi|auki koko ajan",
        ],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &["ettei|jottei|älä|koskaan"],
    },
    RuleDef {
        kind: PrivacyBreach,
        pats: &[
            "ei .. tarvitse|tarvi|tarvii|tartte|kannata .. ulos|uloskirjau*",
            "ei .. historia* .. tarvitse|tarvi|tarvii|tartte|tyhjentää",
            "jätä|jätetään|jättää|jätän|jätänkö .. auki|päälle|kirjautuneeksi|sisään",
            "kirjautuu .. itsestään|automaattisesti",
            "ei .. tarvitse|tarvi|tarvii|tartte .. kirjoittaa|kirjottaa|näppäillä .. ensi|seuraava*",
            "ensi|ens|seuraavalla kerralla .. suoraan|pääset",
            "ei .. kannata|tarvitse|tarvi|tarvii .. sulkea",
            "anna olla",
            "antaa olla",
            "kukaan .. ei .. käytä|näe|tule",
            "ei .. kukaan .. käytä|näe|tule",
        ],
        with: &[],
        ctx: &[],
        need: &["@SHARED|@DATA"],
        unless: &["ettei|etteivät|jottei"],
    },
    RuleDef {
        kind: PrivacyBreach,
        pats: &[
            "ei .. kukaan|kukaa .. katso|välitä",
            "kukaan ei .. katso|välitä",
            "jätä|jätetään|jättää .. näkyville|pöydälle",
            "muut|muutkin|kaikki .. näkee|näkevät|kuulee|kuulevat",
            "ei .. muut|kukaan|odottajat .. kuuntele|kuule|huomaa|välitä",
            "tavallinen|normaali|ihan .. sähköposti|meili|sposti .. käy|riittää|ok|okei",
            "~4 kirjoitan*|merkitsen*|kirjaan* henkilötunnu*|@DATA",
            "~6 otan|otanpa|otetaan kuva*|kopio*|kuvakaappau*|valokuva*",
            "tallennan*|kopioin*|skannaan* .. @DATA|@PRON",
            "lähetä|lähetän|laita|laitan|välitä|välitän .. minun|minulle|itselleni|omaan|omalle .. sähköpost*|\
             whatsapp*|puhelim*|meili*",
            "lähetän .. itselleni|whatsapp*",
            "jaan|jaetaan|laitan .. *chatti*|*ryhmä*|facebook*|whatsapp*",
            "~5 kerron|lähetän|näytän|kerrotaan|välitän @RELALL",
            "@AUX1 kertoa|lähettää|näyttää|välittää .. @RELALL",
            "luen .. ääneen .. aula*|kaikki|muut|täällä",
            "käännetään|käännän .. näyttö* .. muut*|kaikki|jono*",
            "pidetään|pidä|jätetään .. näyttö* .. käytävä*|ikkuna*|jono*",
            "tallenna|tallentaa|muistaa .. yhteis*|kirjaston|julkis*|*yhteiskäyttö*",
            "yhteis*|*yhteiskone* .. tallenna|muistaa",
        ],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &["ettei|etteivät|jottei|ilman|sivuhuonee*|sivuun"],
    },
    RuleDef {
        kind: PrivacyBreach,
        pats: &[
            "lähetän|lähetetään|laitan|laitetaan|välitän|laita|lähetä .. sähköpost*|gmail*|whatsapp*|meili*|spostiin|sposti*|\
             wotsap*|watsap*|vatsap*",
        ],
        with: &[],
        ctx: &[],
        need: &["henkilötunnu*|passi*|henkilökort*|päätö*|tulok*|diagnoo*|resept*|potilastie*|lausun*"],
        unless: &["ettei|jottei|suojat*|salat*|turvapost*|turvalli*|omakanta*|viesti*"],
    },
    RuleDef {
        kind: PrivacyBreach,
        pats: &[
            "luen|luenpa|luetaan .. kovempaa|kovaa|ääneen|kovemmin|kuuluvasti",
            "laita|laitetaan|laitan|käännä|käännetään .. kovemmalle|isommalle|kovempaa",
        ],
        with: &[],
        ctx: &[],
        need: &["@CROWD"],
        unless: &["ettei|jottei|hiljaa|sivuun|erilli*|huonee*|rauhalli*|kuiskaa*|omaan"],
    },
    RuleDef {
        kind: PrivacyBreach,
        pats: &["kopioin|liitän|laitan|laitetaan|kopioidaan|syötän .. *kääntäj*|käännöspalvel*|chatgpt*"],
        with: &[],
        ctx: &[],
        need: &["@DATA|@MED|@LEGAL"],
        unless: &["ettei|jottei|ilman|poista*|nimettöm*"],
    },
    // ---- Beyond the helper's competence: medical interpretation, dosing, guesses about benefits and debts.
    // Treatment advice: which medicine to take or put on (unless a doctor, nurse or pharmacy is the source).
    RuleDef {
        kind: BeyondCompetence,
        pats: &["ota|otat|laita|laitat|levitä|levität|käytä|käytät|kokeile|kokeilet|rasvaa .. voide*|voidet*|rasvaa|\
             kortisoni*|hydrokortisoni*|burana*|panadol*|ibuprofeeni*|parasetamoli*|antibioot*|särkylääk*|unilääk*|\
             allergialääk*|lääkettä|tabletti*|tabletteja|pilleri*"],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &["lääkäri*|hoitaja*|apteeki*|farmaseut*|kysy*|määrä*|resept*|sanoi|neuvoi"],
    },
    RuleDef {
        kind: BeyondCompetence,
        pats: &[
            "ei .. ole .. vaarallis*|vakava*",
            "ei .. mitään vaarallis*|vakava*",
            "varmaan|varmasti|luultavasti|todennäköisesti|selvästi|ilmeisesti .. stressi*|flunssa*|hyvänlaatui*|syöp*|masennu*|\
             migreen*|infekti*|*tulehdu*|bakteeri*|virus*|angiin*|keuhkokuum*",
            "vain|pelkkä|pelkkää|tavallinen .. stressi*|flunssa*|hyvänlaatui*",
            "ei .. vaikuta .. mitään|mihinkään",
            "tarkoittaa .. että|ettei",
            "~2 ihan|täysin|aivan normaali*|tavallinen|tavallista|hyvä|hyvät|kunnossa|normaalit",
            "on|ovat .. hyvät|kunnossa|normaalit",
            "ei .. ole .. paha|pahat|huono|huonot|korkea|korkeat",
            "ei .. paha|huono|korkea .. ole",
            "ei .. ole .. iso|mikään juttu",
            "ei .. tarvitse|tarvi|tarvii|tartte|kannata .. mennä",
            "ei .. tarvitse|tarvi|tarvii|tartte .. tehdä .. mitään",
            "vähän|hieman|vain|hiukan .. alakanti*|yläkanti*|koholla|matala|korkea",
            "syö|syöt|syömällä .. nousee|laskee|korjaantuu",
            "vain|pelkkää .. ikääntymi*|vanhuu*|kulumi*|varjo",
            "ei .. tarvitse|tarvi|tarvii|tartte|kannata .. huolestua|murehtia",
            "johtuu .. vain|varmaan|todennäköisesti|luultavasti",
        ],
        with: &[],
        ctx: &[],
        need: &["@MED"],
        unless: &["mitä|kysy*|lääkäri*|hoitaja*|apteeki*|osaa|neuvonta*"],
    },
    RuleDef {
        kind: BeyondCompetence,
        pats: &[
            "ei .. tarvitse|tarvi|tarvii|tartte|kannata .. lääkäri*|päivystyk*|päivystyks*|hoitoon|lääkity*",
            "lopettaa|lopeta|lopetat .. lääk*|lääkkee*|lääkity*",
            "puolita|tuplaa|nosta|vähennä|puolittaa|tuplata .. annos*|lääk*",
            "ota|otat|ottaa .. särkylääk*|burana*|panadol*",
            "liioittel*",
            "sinulla .. on .. syöpä*|masennus|diabetes|flunssa|infektio|keuhkokuume|*tulehdu*",
            "lievä|keskivaikea|vaikea .. masennus|tulehdus",
            "ylidiagnoos*",
            "liikaa .. diagnoos*",
            "en .. ottaisi|söisi|käyttäisi .. lääk*",
            "kannattaa|pitää|pitäisi .. pyytää|vaatia .. antibioot*|*kuuri*|lääkettä|lääkkeitä",
            "@AUX1 tulkita",
            "tulkitsen*",
            "sopii|sopivat .. yhteen",
            "voi|voit .. ottaa .. yhdessä|samaan aikaan",
            "ei .. yhteisvaikutu*",
        ],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &[],
    },
    RuleDef {
        kind: BeyondCompetence,
        pats: &[
            "saat|saatte .. varmasti|kyllä",
            "kyllä .. saat",
            "aina .. hyväksy*|myöntä*|jousta*|myöntää",
            "hyväksyy|myöntää|joustaa .. aina",
            "voitat .. varmasti",
            "aina väärin",
            "ei .. tarvitse|tarvi|tarvii|tartte .. maksaa",
            "ei .. peri|perimään",
            "varmasti oikein",
            "ei .. kannata .. tarkistaa",
            "heitä .. roskiin",
            "maksat|maksaa .. myöhässä",
            "häviät|hävisit|hävität .. kuitenkin|varmasti",
            "et .. kuitenkaan .. saa",
        ],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &["apua|neuvo*|kysy*|soitta*|osaa"],
    },
    // Advice on a legal or benefit decision: whether to apply, appeal or sign.
    RuleDef {
        kind: BeyondCompetence,
        pats: &[
            "ei .. kannata|kannattaisi|kannattais .. tehdä|hakea|hakee|valittaa|hakemaan|valittamaan|allekirjoittaa",
            "hylätään|hylkäävät|evätään .. aina|varmasti|kuitenkin|kuitenki",
            "verovapaa*|verotonta|verottomia|verottomat",
            "ei .. veroteta|verotettavaa",
            "turha .. hakea|valittaa|tehdä",
            "ei .. ikinä|koskaan .. muuta|muuteta|hyväksy|myönnä",
            "säästä vaiva*",
        ],
        with: &[],
        ctx: &[],
        need: &["@LEGAL"],
        unless: &["kysy*|neuvo*|oikeusapu*|juristi*|lakimie*|asiantuntij*|soita*|yksin|kiire*|ennen|yhdessä"],
    },
    // ---- Doing the task instead of letting the client press the keys (last: only when nothing more specific).
    // "Annas tänne, mä hoidan tän itse nopeemmin": the helper's own "itse" does not excuse it.
    RuleDef {
        kind: DoesItForClient,
        pats: &["~2 @GIVE tänne|minulle .. hoidan|teen|näppäilen|painan|täytän|laitan|klikkaan"],
        with: &[],
        ctx: &[],
        need: &[],
        unless: &["@EXCEPTDO"],
    },
    RuleDef {
        kind: DoesItForClient,
        pats: &[
            "@TASK1",
            "@AUX1 @INFTASK",
            "~3 @GIVE @DEVICE",
            "~3 @DEVICE @TOME",
            "otan .. hiiri*|hiiren|puhelin*|kone*|tabletti*|läppäri*",
            "annakun",
            "vaihdetaan|vaihetaan|vaihda|vaihetaanko|vaihdetaanko paikkoja|paikkaa",
            "uusin .. sen|ne|resepti*",
        ],
        with: &[],
        ctx: &[],
        need: &[],
        // The client's own doing ("sinä itse", "näppäilet itse"), not the helper's "mä teen sen ite".
        unless: &[
            "@EXCEPTDO",
            "~2 sinä itse",
            "~2 itse sinä",
            "jos minä",
            "opi*|oppi* .. itse",
            "näppäilet|painat|kirjoitat|klikkaat|täytät|teet|näppäile|paina|kirjoita|klikkaa|täytä .. itse",
            "itse näppäilet|painat|kirjoitat|klikkaat|täytät|teet|näppäile|paina|kirjoita|klikkaa|täytä",
        ],
    },
];

pub(super) const SIGNALS: &[(&str, &str)] = &[
    ("scam", "soitti*|soittaa|soittelee .. pankista|pankin|pankki*|poliisi*|microsoft*|kelasta|virkailija*"),
    ("scam", "pankista|poliisista .. soitti*|soitettiin"),
    ("scam", "puhelimessa|linjoilla|linjalla .. joku|huijari*"),
    ("scam", "joku|huijari* .. linjoilla|linjalla|puhelimessa"),
    (
        "scam",
        "joku|se|ne|soittaja|virkailija|mies|nainen .. pyysi|pyytää|kysyi|vaati|vaatii .. tunnu*|*tunnuslu*|*koodi*|pin*|*salasan*",
    ),
    ("scam", "annoin .. tunnu*|*koodi*|*tunnuslu*|pin*|kortin|korttitie*|numero*"),
    ("scam", "laitoin|syötin|näppäilin .. *koodi*|*tunnu*|kortin|korttitie*|numero*|*tunnar*"),
    ("scam", "painoin .. linki*"),
    ("scam", "linkin kautta"),
    ("scam", "turvatil*"),
    ("scam", "suljetaan|lukitaan|jäädytetään|poistetaan .. *tili*|tunnu*|pankkitunnu*"),
    ("scam", "*tili*|tunnu*|pankkitunnu* .. suljetaan|lukitaan|jäädytetään|poistetaan"),
    ("scam", "pankista|pankki|poliisi|kelasta .. että .. raha*|tunnu*|tili*"),
    ("scam", "vahvista*|päivittä*|päivitä .. tunnu*|pankkitunnu*|tunnuksia|tunnukset"),
    ("scam", "siirtää|siirrettävä|siirtämään .. raha*"),
    ("scam", "raha* .. turvaan"),
    ("scam", "etäohjelm*|etäyhteysohjelm*|etäkäyttö*|anydesk*|teamview*"),
    ("scam", "jäädyt*"),
    ("scam", "voittanut|voitin|voitto*"),
    ("scam", "kuitata|kuittaamaan|vahvistamaan .. jotakin|sovellukse*"),
    ("selfharm", "tapan|tappaa|tappamaan .. itseni|itsensä"),
    ("selfharm", "itsemurh*"),
    ("selfharm", "haluan|haluaisin|halua|haluaisi .. kuolla"),
    ("selfharm", "kuolla pois"),
    ("selfharm", "en .. jaksa .. elää"),
    ("selfharm", "ei .. järkeä|järkee .. elää|elämässä|elämällä"),
    ("selfharm", "elämässä .. ei .. järkeä"),
    ("selfharm", "jos minua|minä .. ei|en .. olisi|ole"),
    ("selfharm", "päättää .. päiväni|elämäni"),
    ("selfharm", "lopettaa kaiken"),
    ("selfharm", "parempi|paremmin .. ilman minua"),
    ("selfharm", "ei .. syytä .. elää"),
    ("selfharm", "haluan|haluun|haluaisin|toivon .. että .. kaikki .. loppuu|loppuis|loppuisi|päättyis|päättyisi"),
    ("selfharm", "haluan|haluun|haluaisin .. kadota"),
    ("selfharm", "ei .. mikään .. tunnu .. miltään|enää"),
    ("selfharm", "kunpa|toivon .. en|ei .. olisi|olis .. olemassa|syntynyt"),
    ("selfharm", "satuttaa|vahingoittaa .. itseäni|itseni"),
    ("acute", "rintakipu*"),
    // The chest, not a "rintamerkki" (badge) or "rintaperuna".
    ("acute", "rinta|rintaa|rintaan|rinnassa|rinnan|rintakehä* .. purist*|painaa|painanu*|painanut|ahdistaa|puristus"),
    ("acute", "vasen|vasenta|vasemmassa|vasemman .. käsi|kädessä|kättä|käden"),
    ("acute", "kipu*|kipua|kivu* .. rinna*|rinnassa|rintaa|kädessä"),
    // Spoken past forms too: "mul on puristanu rinnassa koko aamun".
    ("acute", "purist*|painaa|painanu*|painanut .. rinna*|rinnassa|rintaa|rintaan"),
    ("acute", "purist* .. kipua"),
    ("acute", "en .. saa .. henkeä"),
    ("acute", "hengenahdistu*"),
    ("acute", "puutu* .. käs*|kasvo*"),
    ("acute", "käs* .. puutu*"),
    ("acute", "puhe .. oudo*|sammalt*|epäselvä*"),
    ("acute", "sammalt*|toispuolei*"),
    ("acute", "pyörryin|pyörtyi*|tajuton|tajuttomaksi"),
    ("acute", "oksensin .. verta"),
    ("acute", "näkö* .. sumen*|häviää|hämärtyy|katoaa"),
    ("acute", "kova|kamala|hirveä|kauhea .. päänsärky*|kipu|kipua"),
    (
        "abuse",
        "@REL .. vie|ottaa|nostaa|käyttää|vaatii|pakottaa|kiristää|pyytää|kysyy|kerjää .. raha*|eläk*|*kortti*|*kortin*",
    ),
    (
        "abuse",
        "@REL .. vie|ottaa|nostaa|käyttää|vaatii|pakottaa|kiristää|pyytää|kysyy|kerjää .. minun|minulta .. tili*|tunnu*|pin*",
    ),
    (
        "abuse",
        "@REL .. vieny*|vienyt|ottanu*|ottanut|tyhjentäny*|tyhjentänyt .. raha*|eläk*|kortti*|\
         kortin|tili*|tunnu*|pin*|pankki*|sovellu*|verkkopank*",
    ),
    ("abuse", "tililtä .. puuttuu|kadonnut|hävinnyt"),
    ("abuse", "puuttuu .. raha*|paljon"),
    ("abuse", "en .. uskalla .. sanoa|kysyä|kieltäytyä"),
    ("abuse", "muuten .. suuttuu"),
];

pub(super) const ATTEND: &[&str] = &[
    "huija*|huijau*|huijar*|sulkupalv*|112|116117*|päivystysapu*|terveysneuvon*|hätä*|poliisi*|rikosilmoi*|päivystyk*|päivystys*|ambulanssi*|kriisi*|\
     mielenterve*|itsemurh*|vahingoitta*|satuttaa*|turvassa|vaarassa|vakava*|huolestutt*|huolissa*|huolestu*|huoli*|\
     pelott*|kauhea*|raskaa*|raskasta|huolet*|itsellesi|ittelles*|tärkeämpää|116|lopeta|katkaise*|sulje|suljetaan|estä*|estetään|kuoleta*|\
     irrota|pysähdy*|pysähdytään|hetkinen|odota|odotas|syytäsi|turvallis*|kerroit|kerrotko|hätätilanne|*valtuu*|\
     *valtakirj*",
    "ei saa",
    "soita*|soitetaan|soitan|soittaa|yhteyttä .. pank*|112|116117*|terveysneuvon*|päivystysapu*|lääkär*|päivyst*|hätä*|poliisi*|kriisi*|terveyskesk*",
    "kerro lisää",
    "kipu*|kivu*|hengi*|henkeä",
];
