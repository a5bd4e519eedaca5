//! Statements pgsight understands well enough to know it need not read them:
//! ownership, comments, privileges, function bodies and the like. Consulted only
//! after sqlparser has failed, so a statement that parses keeps its parse.

use sqlparser::tokenizer::{Token, TokenWithSpan};

use super::tokens::is_keyword;

/// Statements matching `head` (their first keywords) and, when given, `tail`
/// (their last tokens; `*` stands for any one token) are irrelevant for `reason`.
struct Class {
    head: &'static [&'static str],
    tail: &'static [&'static str],
    reason: &'static str,
}

const fn starts(head: &'static [&'static str], reason: &'static str) -> Class {
    Class { head, tail: &[], reason }
}

const OWNERSHIP: &str = "ownership";
const PRIVILEGES: &str = "privileges";
const FUNCTION_BODY: &str = "function body";
const TRIGGER: &str = "trigger";
const TYPE_SYSTEM: &str = "type system (cast, operator, aggregate)";
const SETTING: &str = "setting";
const ROLES: &str = "role";

/// First match wins.
const CLASSES: &[Class] = &[
    Class { head: &["ALTER"], tail: &["OWNER", "TO", "*"], reason: OWNERSHIP },
    Class { head: &["ALTER", "TABLE"], tail: &["SET", "STATISTICS", "*"], reason: "planner statistics target" },
    Class { head: &["ALTER", "TABLE"], tail: &["SET", "STORAGE", "*"], reason: "column storage" },
    Class { head: &["ALTER", "TABLE"], tail: &["CLUSTER", "ON", "*"], reason: "physical ordering" },
    starts(&["COMMENT", "ON"], "comment"),
    starts(&["SECURITY", "LABEL"], "security label"),
    starts(&["GRANT"], PRIVILEGES),
    starts(&["REVOKE"], PRIVILEGES),
    starts(&["ALTER", "DEFAULT", "PRIVILEGES"], PRIVILEGES),
    starts(&["CREATE", "FUNCTION"], FUNCTION_BODY),
    starts(&["CREATE", "OR", "REPLACE", "FUNCTION"], FUNCTION_BODY),
    starts(&["CREATE", "PROCEDURE"], FUNCTION_BODY),
    starts(&["CREATE", "OR", "REPLACE", "PROCEDURE"], FUNCTION_BODY),
    starts(&["ALTER", "FUNCTION"], FUNCTION_BODY),
    starts(&["ALTER", "PROCEDURE"], FUNCTION_BODY),
    starts(&["ALTER", "ROUTINE"], FUNCTION_BODY),
    starts(&["DO"], "anonymous code block"),
    starts(&["CREATE", "TRIGGER"], TRIGGER),
    starts(&["CREATE", "OR", "REPLACE", "TRIGGER"], TRIGGER),
    starts(&["CREATE", "CONSTRAINT", "TRIGGER"], TRIGGER),
    starts(&["ALTER", "TRIGGER"], TRIGGER),
    starts(&["CREATE", "EVENT", "TRIGGER"], TRIGGER),
    starts(&["ALTER", "EVENT", "TRIGGER"], TRIGGER),
    starts(&["CREATE", "AGGREGATE"], TYPE_SYSTEM),
    starts(&["CREATE", "OR", "REPLACE", "AGGREGATE"], TYPE_SYSTEM),
    starts(&["ALTER", "AGGREGATE"], TYPE_SYSTEM),
    starts(&["CREATE", "CAST"], TYPE_SYSTEM),
    starts(&["CREATE", "OPERATOR"], TYPE_SYSTEM),
    starts(&["ALTER", "OPERATOR"], TYPE_SYSTEM),
    starts(&["CREATE", "TEXT", "SEARCH"], "text search configuration"),
    starts(&["ALTER", "TEXT", "SEARCH"], "text search configuration"),
    starts(&["CREATE", "COLLATION"], "collation"),
    starts(&["CREATE", "CONVERSION"], "collation"),
    starts(&["CREATE", "DEFAULT", "CONVERSION"], "collation"),
    starts(&["CREATE", "STATISTICS"], "extended statistics"),
    starts(&["ALTER", "STATISTICS"], "extended statistics"),
    starts(&["CREATE", "POLICY"], "row security policy"),
    starts(&["ALTER", "POLICY"], "row security policy"),
    starts(&["CREATE", "RULE"], "rewrite rule"),
    starts(&["CREATE", "OR", "REPLACE", "RULE"], "rewrite rule"),
    starts(&["ALTER", "EXTENSION"], "extension membership"),
    starts(&["CREATE", "LANGUAGE"], "procedural language"),
    starts(&["CREATE", "OR", "REPLACE", "LANGUAGE"], "procedural language"),
    starts(&["CREATE", "TRUSTED", "LANGUAGE"], "procedural language"),
    starts(&["CREATE", "PUBLICATION"], "replication"),
    starts(&["ALTER", "PUBLICATION"], "replication"),
    starts(&["CREATE", "SUBSCRIPTION"], "replication"),
    starts(&["ALTER", "SUBSCRIPTION"], "replication"),
    starts(&["CREATE", "FOREIGN", "DATA", "WRAPPER"], "foreign data"),
    starts(&["CREATE", "SERVER"], "foreign data"),
    starts(&["CREATE", "USER", "MAPPING"], "foreign data"),
    starts(&["IMPORT", "FOREIGN", "SCHEMA"], "foreign data"),
    starts(&["CREATE", "FOREIGN", "TABLE"], "foreign data"),
    starts(&["ALTER", "FOREIGN", "TABLE"], "foreign data"),
    starts(&["CREATE", "ROLE"], ROLES),
    starts(&["ALTER", "ROLE"], ROLES),
    starts(&["CREATE", "USER"], ROLES),
    starts(&["ALTER", "USER"], ROLES),
    starts(&["CREATE", "GROUP"], ROLES),
    starts(&["CREATE", "DATABASE"], "database"),
    starts(&["ALTER", "DATABASE"], "database"),
    starts(&["ALTER", "SYSTEM"], SETTING),
    starts(&["SET"], SETTING),
    starts(&["RESET"], SETTING),
    starts(&["DISCARD"], SETTING),
    starts(&["LOAD"], SETTING),
    starts(&["LISTEN"], "notification"),
    starts(&["UNLISTEN"], "notification"),
    starts(&["NOTIFY"], "notification"),
    starts(&["CHECKPOINT"], "maintenance"),
    starts(&["VACUUM"], "maintenance"),
    starts(&["ANALYZE"], "maintenance"),
    starts(&["CLUSTER"], "maintenance"),
];

/// Why a statement (its significant tokens) can be left unread, if it can.
pub fn irrelevance(tokens: &[TokenWithSpan]) -> Option<&'static str> {
    let tokens: Vec<&Token> = tokens.iter().map(|t| &t.token).filter(|t| **t != Token::EOF).collect();
    CLASSES.iter().find(|class| class.matches(&tokens)).map(|class| class.reason)
}

impl Class {
    fn matches(&self, tokens: &[&Token]) -> bool {
        if tokens.len() < self.head.len() + self.tail.len() {
            return false;
        }
        let head_matches = self.head.iter().zip(tokens).all(|(keyword, token)| is_keyword(token, keyword));
        let tail_start = tokens.len() - self.tail.len();
        let tail_matches = self.tail.iter().zip(&tokens[tail_start..]).all(|(keyword, token)| *keyword == "*" || is_keyword(token, keyword));
        head_matches && tail_matches
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::tokens::{significant, tokenize};

    fn reason(sql: &str) -> Option<&'static str> {
        irrelevance(&significant(&tokenize(sql).expect("tokenizes")))
    }

    #[test]
    fn heads_and_tails_pick_the_reason() {
        let cases = [
            ("ALTER TYPE public.mpaa_rating OWNER TO postgres", Some(OWNERSHIP)),
            ("ALTER FUNCTION public.f(p integer, OUT n integer) OWNER TO postgres", Some(OWNERSHIP)),
            ("ALTER FUNCTION f(integer) SET search_path = x", Some(FUNCTION_BODY)),
            ("COMMENT ON FUNCTION app.w(p app.priority) IS 'x'", Some("comment")),
            ("REVOKE ALL ON PROCEDURE p(IN x interval) FROM PUBLIC", Some(PRIVILEGES)),
            ("create or replace trigger t after insert on x for each row execute function f('a')", Some(TRIGGER)),
            ("CREATE AGGREGATE g(text) (SFUNC = textcat, STYPE = text)", Some(TYPE_SYSTEM)),
            ("DO $$ BEGIN NULL; END $$", Some("anonymous code block")),
            ("CREATE STATISTICS s (dependencies) ON a, b FROM t", Some("extended statistics")),
            ("ALTER TABLE ONLY s.t ALTER COLUMN c SET STATISTICS 1000", Some("planner statistics target")),
            ("ALTER TABLE t ADD COLUMN owner text", None),
            ("SELECT 1", None),
        ];
        for (sql, expected) in cases {
            assert_eq!(reason(sql), expected, "{sql}");
        }
    }
}
