//! Any bytes as the settings file (`settings.json` in the data folder): reading always gives
//! settings within their bounds (a damaged file gives the defaults and a message naming the file),
//! never a panic; settings written read back the same, without a message.

#![no_main]

use std::path::Path;

use aijri_desk::settings::Settings;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("/data/aijri-desk/settings.json");
    let (settings, message) = Settings::parse(data, path);
    if let Some(message) = &message {
        assert!(message.contains("settings.json"), "{message}");
        assert_eq!(settings, Settings::default());
    }
    assert_eq!(settings.clone().bounded(), settings, "read settings are not within bounds");
    let (again, message) = Settings::parse(settings.to_json().as_bytes(), path);
    assert_eq!(message, None, "written settings do not read");
    assert_eq!(again, settings, "write → read changed the settings");
});
