//! Real-window smoke test: the app under Xvfb with Mesa's software Vulkan (lavapipe) plays a script, shows the
//! report and saves a screenshot. Needs `xvfb-run` and `mesa-vulkan-drivers`, so it is ignored by default:
//!
//! ```text
//! apt-get install -y xvfb xauth mesa-vulkan-drivers libvulkan1 libxkbcommon-x11-0
//! cargo test -p motivo-app --test smoke -- --ignored
//! ```

use std::process::Command;

#[test]
#[ignore = "needs xvfb-run and mesa-vulkan-drivers"]
fn the_app_opens_a_window_plays_a_script_and_saves_a_screenshot() {
    let dir = std::env::temp_dir().join(format!("motivo-smoke-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("script.txt");
    // Poor replies end the bundled scenarios early, so this reaches the report.
    std::fs::write(&script, "# smoke test\n4\n4\n4\n4\n4\n4\n4\n4\n").unwrap();
    for lang in ["fi", "en"] {
        let out = dir.join(format!("smoke-{lang}.png"));
        let status = Command::new("xvfb-run")
            .args(["-a", "-s", "-screen 0 1280x800x24"])
            .arg(env!("CARGO_BIN_EXE_motivo-web"))
            .arg("--capture")
            .arg(&out)
            .args(["--lang", lang, "--script"])
            .arg(&script)
            .env("WGPU_BACKEND", "vulkan")
            .env("MOTIVO_DATA_DIR", dir.join("data"))
            .status()
            .expect("xvfb-run runs");
        assert!(status.success(), "the app exited with {status}");
        let png = std::fs::read(&out).expect("the screenshot was saved");
        assert_eq!(&png[1..4], b"PNG");
        assert!(png.len() > 20_000, "the screenshot has content ({} bytes)", png.len());
        assert!(!dir.join("data").exists(), "capture mode saves nothing");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
