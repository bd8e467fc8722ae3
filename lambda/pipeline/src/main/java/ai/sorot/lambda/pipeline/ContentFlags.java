package ai.sorot.lambda.pipeline;

import ai.sorot.model.report.Claim;
import ai.sorot.model.screenplay.ElementType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * What a programmer must warn an audience about, found by a word scan of the action and dialogue:
 * language, violence, sexual content, drugs, self-harm. Each flag cites its pages and quotes a
 * line, so a false alarm is seen in one click.
 */
public final class ContentFlags {

    static final Lexicon STRONG_LANGUAGE = Lexicon.of("strong language", "fuck* motherfuck* cunt* cocksuck* fucking");
    static final Lexicon MILD_LANGUAGE =
            Lexicon.of("mild language", "shit* bitch* bastard* asshole* goddamn* bullshit dick piss pissed damn crap");
    static final Lexicon VIOLENCE = Lexicon.of(
            "violence",
            "kill kills killed killing killer murder* stab* strangl* gun guns gunfire gunshot* bullet* pistol* rifle* "
                    + "knife knives blood bloody bleed* corpse* wound* shoot shoots shooting explosion* slaughter* "
                    + "torture* execut* beheaded punch punches punched");
    static final Lexicon SEXUAL = Lexicon.of(
            "sexual content",
            "sex sexual naked nude nudity topless orgasm* condom* erection* intercourse undress* aroused "
                    + "striptease stripper strippers"); // not strip*: "she strips the bed" is housework
    static final Lexicon DRUGS = Lexicon.of(
            "drug use",
            "cocaine heroin meth methamphetamine overdos* syringe* narcotic* marijuana weed crack-pipe ecstasy opioid* fentanyl");
    static final Lexicon SELF_HARM = Lexicon.of("suicide or self-harm", "suicide suicidal noose self-harm overdosed");

    private static final EnumSet<ElementType> SCANNED =
            EnumSet.of(ElementType.ACTION, ElementType.DIALOGUE, ElementType.PARENTHETICAL, ElementType.LYRICS);

    /** A flag and how strongly it weighs on the audience rating. */
    public record Flag(String name, ScriptWords.Hits hits, boolean adult, Claim claim) {}

    private ContentFlags() {}

    public static List<Flag> scan(ScriptWords text) {
        var flags = new ArrayList<Flag>();
        add(flags, text, STRONG_LANGUAGE, 1, true);
        add(flags, text, MILD_LANGUAGE, 3, false);
        add(flags, text, VIOLENCE, 4, false);
        add(flags, text, SEXUAL, 2, true);
        add(flags, text, DRUGS, 2, false);
        add(flags, text, SELF_HARM, 1, false);
        return flags;
    }

    private static void add(List<Flag> flags, ScriptWords text, Lexicon lexicon, int threshold, boolean adult) {
        var hits = text.scan(lexicon, SCANNED, 3, true);
        if (hits.count() < threshold) {
            return;
        }
        var name =
                Character.toUpperCase(lexicon.name().charAt(0)) + lexicon.name().substring(1);
        var claim = new Claim(
                "%s: %d %s (%s) on %s."
                        .formatted(
                                name,
                                hits.count(),
                                hits.count() == 1 ? "word" : "words",
                                hits.topTerms(4),
                                Pages.list(hits.pages(), 6)),
                hits.samples());
        boolean heavy = adult || (lexicon == VIOLENCE && hits.count() >= 25);
        flags.add(new Flag(lexicon.name(), hits, heavy, claim));
    }

    /** The audience line of the programming notes, from the flags found. */
    public static String audience(List<Flag> flags) {
        if (flags.isEmpty()) {
            return "General audiences: a word scan found no strong language, violence, sexual content or drug use.";
        }
        var names = flags.stream().map(Flag::name).toList();
        var list = names.size() == 1
                ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        if (flags.stream().anyMatch(Flag::adult)) {
            return "Adult audiences: " + list + " (word scan; check the cited pages).";
        }
        return "Teens and adults: " + list + " (word scan; check the cited pages).";
    }
}
