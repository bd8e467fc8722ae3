package ai.sorot.lambda.screenplay;

import java.util.Locale;
import java.util.regex.Pattern;

/** Text rules a script reader applies whatever the file format: headings, transitions, cues. */
final class ScreenplayText {

    private ScreenplayText() {}

    static final Pattern SCENE_HEADING = Pattern.compile(
            "^(?:INT|EXT|EST|INT\\.?\\s*/\\s*EXT|EXT\\.?\\s*/\\s*INT|I\\.?\\s*/\\s*E|E\\.?\\s*/\\s*I|INTERIOR|EXTERIOR)"
                    + "(?:[.\\s\\-–—:]|$)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern TRANSITION = Pattern.compile(
            "^(?:[A-Z0-9 '.\\-]+ TO:|TO:|FADE (?:OUT|IN|TO BLACK)[.:]?|FADE TO:?|CUT TO BLACK[.:]?|SMASH CUT[.:]?"
                    + "|DISSOLVE[.:]?|BACK TO:?|INTERCUT[.:]?|THE END[.:]?|END OF (?:ACT|EPISODE|TEASER)[A-Z0-9 ]*[.:]?)$");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CHARACTER_EXTENSION = Pattern.compile("\\s*\\([^)]*\\)\\s*");

    static boolean isSceneHeading(String text) {
        return SCENE_HEADING.matcher(text.strip()).find();
    }

    /**
     * A short line in capitals with no closing punctuation standing alone at the action margin
     * ("SNIPER SCOPE POV", "OPENING TITLES", "KITCHEN"): a slug line, which a reader takes as a
     * new scene. "BANG!" and "SILENCE." end in punctuation and stay action.
     */
    static boolean isSlugLine(String text) {
        var t = text.strip();
        if (!isUpper(t) || t.isEmpty() || isTransition(t)) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        if (".!?:;,\"'’”)-–—…".indexOf(last) >= 0) {
            return false;
        }
        return countWords(t) <= 6;
    }

    static boolean isTransition(String text) {
        var t = text.strip();
        return isUpper(t) && TRANSITION.matcher(t).matches();
    }

    /** True when the letters of {@code text} are capitals (digits and punctuation don't count). */
    static boolean isUpper(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isLowerCase(c)) {
                    return false;
                }
            }
        }
        return letters > 0;
    }

    /** Mostly capitals: "McDUCK" and "DAN (O.S.)" are cues; "Hello there" is not. */
    static boolean isMostlyUpper(String text) {
        int letters = 0;
        int lower = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                break; // extensions like (cont'd) may be lower case
            }
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isLowerCase(c)) {
                    lower++;
                }
            }
        }
        return letters > 0 && lower * 4 <= letters;
    }

    /** The speaker a cue names: "BRICK (V.O.)" and "BRICK (CONT'D)" both speak as BRICK. */
    static String speaker(String cue) {
        return SPACES.matcher(CHARACTER_EXTENSION
                        .matcher(cue.replace("^", ""))
                        .replaceAll(" ")
                        .strip()
                        .toUpperCase(Locale.ROOT))
                .replaceAll(" ");
    }

    static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '\'';
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }
}
