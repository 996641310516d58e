// The Key variant of a catalogue id: `budget.line_removed` is
// `BudgetLineRemoved`. Included by build.rs, which names the variants, and
// by tests/i18n.rs, which finds them in the code (not compiled into the app).

fn variant(id: &str) -> String {
    id.split(['.', '_'])
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}
