//! The bundled course content, compiled in so the program and the web app run with no files around.

/// The bundled scenario files: (file name, RON text).
pub const SCENARIOS: &[(&str, &str)] = &[
    ("omakanta-resepti.ron", include_str!("../../../scenarios/omakanta-resepti.ron")),
    ("etavastaanotto.ron", include_str!("../../../scenarios/etavastaanotto.ron")),
    ("valtuutus-omainen.ron", include_str!("../../../scenarios/valtuutus-omainen.ron")),
    ("omaolo-arvio.ron", include_str!("../../../scenarios/omaolo-arvio.ron")),
    ("omakela-hakemus.ron", include_str!("../../../scenarios/omakela-hakemus.ron")),
    ("huijausviesti.ron", include_str!("../../../scenarios/huijausviesti.ron")),
    ("omakela-ruudunlukija.ron", include_str!("../../../scenarios/omakela-ruudunlukija.ron")),
    ("kela-tulkki.ron", include_str!("../../../scenarios/kela-tulkki.ron")),
    ("paperiposti-muisti.ron", include_str!("../../../scenarios/paperiposti-muisti.ron")),
    ("rahahuoli.ron", include_str!("../../../scenarios/rahahuoli.ron")),
    ("etamentori.ron", include_str!("../../../scenarios/etamentori.ron")),
    ("suomifi-viestit.ron", include_str!("../../../scenarios/suomifi-viestit.ron")),
];

/// Loads every bundled scenario. They are checked in CI (`motivo check scenarios/`), so a failure here is a
/// build defect; it is still reported, never a panic.
pub fn scenarios() -> Vec<Result<crate::Scenario, String>> {
    SCENARIOS
        .iter()
        .map(|(name, text)| {
            let loaded = crate::load_scenario(text.as_bytes(), &crate::ValidateOptions::default());
            let first_error = loaded
                .diagnostics
                .iter()
                .find(|d| d.is_error())
                .map(|d| format!("{name}:{}:{}: {}", d.location.line, d.location.column, d.message));
            match (loaded.ok(), first_error) {
                (Some(s), _) => Ok(s),
                (None, e) => Err(e.unwrap_or_else(|| format!("{name}: could not be loaded"))),
            }
        })
        .collect()
}
