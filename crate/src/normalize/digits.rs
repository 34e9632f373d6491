//! Digits: Bangla digits read as ASCII, and leetspeak digits read as letters.

/// The ASCII digit for a Bangla digit ০–৯.
pub(crate) fn bangla_digit(c: char) -> Option<char> {
    match c {
        '\u{09E6}'..='\u{09EF}' => char::from_digit(c as u32 - 0x09E6, 10),
        _ => None,
    }
}

/// The letter a leetspeak digit stands for (`0`→o, `1`→i, `3`→e, `4`→a,
/// `5`→s, `7`→t). Other digits have no reading.
pub(crate) fn leet_digit(c: char) -> Option<char> {
    match c {
        '0' => Some('o'),
        '1' => Some('i'),
        '3' => Some('e'),
        '4' => Some('a'),
        '5' => Some('s'),
        '7' => Some('t'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bangla_digits() {
        let read: String = "০১২৩৪৫৬৭৮৯".chars().filter_map(bangla_digit).collect();
        assert_eq!(read, "0123456789");
        assert_eq!(bangla_digit('9'), None);
        assert_eq!(bangla_digit('ক'), None);
    }

    #[test]
    fn leet_digits() {
        let read: String = "013457".chars().filter_map(leet_digit).collect();
        assert_eq!(read, "oieast");
        assert_eq!(leet_digit('2'), None);
    }
}
