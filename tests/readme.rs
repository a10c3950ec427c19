//! The README's format examples load.

fn blocks(lang: &str) -> Vec<String> {
    let text = std::fs::read_to_string("README.md").unwrap();
    let fence = format!("```{lang}\n");
    text.split(&fence)
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap().to_string())
        .collect()
}

#[test]
fn the_rule_file_and_the_profile_load() {
    let yaml = blocks("yaml");
    assert_eq!(yaml.len(), 2);
    let rules = vacancy_match::RuleSet::from_yaml_str(&yaml[0]).unwrap();
    assert!(rules.analyze().is_empty(), "{:?}", rules.analyze());
    let cv = vacancy_match::Candidate::from_yaml_str(&yaml[1]).unwrap();
    let bundled = vacancy_match::RuleSet::bundled().unwrap();
    let a = bundled.assess(&cv, "2024-01-15".parse().unwrap()).ranked();
    assert_eq!(a[0].vacancy, "unhcr-gt-resettlement-officer-2024");
    assert_eq!(a[0].verdict, vacancy_match::Verdict::Eligible, "{}", a[0]);
}
