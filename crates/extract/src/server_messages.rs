//! Error messages that a site's server printed into its pages ("Warning:
//! Use of undefined constant X in /home/site/functions.php on line 45"),
//! recognised by both extractors (HTML blocks and text-dump lines): they
//! name no one in the article, but long and worded like sentences, they
//! would weigh as prose, and their paths and class names read as names.

/// Whether `line` is a PHP error message: a level ("Warning",
/// "Deprecated", …) and a colon, then the message and "in FILE.php on
/// line N" (a file path without spaces, Unix or Windows).
pub(crate) fn is_php_diagnostic(line: &str) -> bool {
    let Some(rest) = PHP_LEVELS.iter().find_map(|l| line.strip_prefix(l)) else { return false };
    let Some(rest) = rest.trim_start().strip_prefix(':') else { return false };
    let Some((before, number)) = rest.trim_end().rsplit_once(" on line ") else { return false };
    !number.is_empty()
        && number.bytes().all(|c| c.is_ascii_digit())
        && before.rsplit_once(" in ").is_some_and(|(_, file)| file.ends_with(".php") && !file.contains(' '))
}

/// The levels PHP prints its error messages under.
const PHP_LEVELS: [&str; 8] = [
    "Warning",
    "Notice",
    "Deprecated",
    "Strict Standards",
    "Fatal error",
    "Parse error",
    "Catchable fatal error",
    "Recoverable fatal error",
];

#[cfg(test)]
mod tests {
    use super::is_php_diagnostic;

    #[test]
    fn php_messages_with_their_file_and_line() {
        assert!(is_php_diagnostic("Warning: Use of undefined constant comments - assumed 'comments' (this will throw an Error in a future version of PHP) in /homepages/1/d123/htdocs/wp-content/themes/greenery/comments.php on line 12"));
        assert!(is_php_diagnostic("Strict Standards: Declaration of Walker_Page::start_lvl() should be compatible in C:\\inetpub\\wp-includes\\post-template.php on line 1242 "));
        assert!(is_php_diagnostic("Recoverable fatal error: Object of class WP_Error could not be converted to string in /var/www/wp-includes/formatting.php on line 1099"));
        // Sentences about a warning, or without the file and line, are text.
        assert!(!is_php_diagnostic("Warning: the council says the bridge will stay closed in winter on line 4 of the tram network."));
        assert!(!is_php_diagnostic("Notice: the meeting is moved to the town hall in June."));
        assert!(!is_php_diagnostic("Warning: the script in /tmp/x.php on line 4 and more"));
    }
}
