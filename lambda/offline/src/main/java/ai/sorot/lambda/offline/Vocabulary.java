package ai.sorot.lambda.offline;

import ai.sorot.lambda.pipeline.Lexicon;
import java.util.List;

/**
 * The word lists behind the offline reading of genre, tone and theme. Deliberately plain: a hit
 * is a word on a page that anyone can check, and the report quotes the counts it rests on. No
 * function or all-purpose words ("who", "away", "together", "run", "hold"): they fill any script.
 */
final class Vocabulary {

    private Vocabulary() {}

    static final List<Lexicon> GENRES = List.of(
            Lexicon.of(
                    "Horror",
                    "ghost* demon* haunt* corpse* monster* creature* possess* terror terrif* zombie* "
                            + "witch* ritual* coffin* grave graves graveyard blood bloody scream* shriek* flesh evil curse*"),
            Lexicon.of(
                    "Thriller",
                    "gun guns pistol* police cop cops detective* murder* killer* suspect* evidence "
                            + "heist hostage* warrant badge alibi fbi chase* threat* ransom kidnap* stalk* trap* conspir*"),
            Lexicon.of(
                    "Comedy",
                    "laugh* joke* grin* giggl* funny silly ridiculous awkward* snort* chuckl* "
                            + "hilarious prank* embarrass* goofy dork* oops"),
            Lexicon.of(
                    "Romance",
                    "love loves loved lover* kiss* romance romantic* marry married marriage wedding* "
                            + "boyfriend girlfriend crush flirt* darling sweetheart dating heartbroken"),
            Lexicon.of(
                    "Science fiction",
                    "planet* robot* android* laser* orbit* galax* alien* spacecraft spaceship* "
                            + "starship* cyber* hologram* quantum lab laboratory scientist* experiment* asteroid* colony "
                            + "airlock* cryo*"),
            Lexicon.of(
                    "War",
                    "soldier* sergeant* battalion platoon* trench* enemy enemies war troops rifle* "
                            + "bomb* tank tanks medic corporal lieutenant army general* battle* frontline"),
            Lexicon.of(
                    "Western",
                    "horse* saloon* sheriff* cattle ranch* cowboy* revolver* stagecoach prairie "
                            + "marshal* outlaw* frontier canyon* wagon*"),
            Lexicon.of(
                    "Fantasy",
                    "magic* sword* king kings queen* castle* dragon* spell* wizard* kingdom* "
                            + "prince* princess* quest realm* sorcer* enchant* elf elves"),
            Lexicon.of(
                    "Musical",
                    "sing sings singing sang song* dance* dancing music* band stage guitar* piano* "
                            + "melody chorus lyric*"),
            Lexicon.of(
                    "Crime",
                    "gang* cartel* mob mobster* drug* dealer* heist robbery rob robbed prison* "
                            + "jail* cash smuggl* hitman"),
            Lexicon.of(
                    "Family",
                    "mom mommy dad daddy grandma* grandpa* kid kids school homework birthday* "
                            + "teacher* bedtime toy* puppy"));

    static final List<Lexicon> TONES = List.of(
            Lexicon.of(
                    "dark",
                    "death dead die dies dying grief griev* funeral* blood cold dark darkness shadow* "
                            + "cry cries crying tears pain alone empty despair hurt bleak rot*"),
            Lexicon.of(
                    "light",
                    "laugh* smile* smiling grin* joke* giggl* bright sunny cheer* " + "fun delight* beam* wink*"),
            Lexicon.of(
                    "tense",
                    "sudden* run runs running race races racing slam* scream* gasp* grab* panic* "
                            + "freez* lunge* bolt* crash* trembl* whisper* sprint*"),
            Lexicon.of("warm", "hug* embrac* gentl* soft* tender* warm* comfort* " + "cuddl* caress*"));

    static final List<Lexicon> THEMES = List.of(
            Lexicon.of(
                    "Family",
                    "mother* father* mom dad son sons daughter* family famil* brother* sister* parent* "
                            + "grandmother* grandfather*"),
            Lexicon.of("Love", "love loves loved lover* heart kiss* romance marry married"),
            Lexicon.of(
                    "Death and loss", "death dead die dies died dying funeral* grave* grief griev* mourn* loss lost"),
            Lexicon.of(
                    "Money and class", "money cash rich poor debt* rent job jobs paycheck salary broke wealth* bills"),
            Lexicon.of("Power", "power powerful control boss king queen ruler* command* obey*"),
            Lexicon.of("Faith", "god gods pray* prayer* church* faith* heaven hell sin sins soul* priest* bible"),
            Lexicon.of("Identity", "identity mirror reflection pretend* mask* disguise*"),
            Lexicon.of("Justice", "police law laws court* judge* justice guilty innocent prison* crime* lawyer*"),
            Lexicon.of("Freedom", "freedom escape* cage* caged trapped border*"),
            Lexicon.of("Friendship", "friend friends friendship buddy pal loyal* trust*"),
            Lexicon.of("Technology", "computer* screen* phone* machine* robot* program* code internet online data"),
            Lexicon.of("Home", "home homes homeless belong* hometown homesick*"),
            Lexicon.of("Secrets and lies", "secret* lie lies lying liar* truth betray* hide hides hiding"));
}
