package ai.sorot.model.screenplay;

/** Page lengths the way a schedule writes them: whole pages and eighths ("2 3/8"). */
public final class Eighths {

    private Eighths() {}

    public static String format(int eighths) {
        if (eighths <= 0) {
            return "0";
        }
        int pages = eighths / 8;
        int rest = eighths % 8;
        if (rest == 0) {
            return Integer.toString(pages);
        }
        return pages == 0 ? rest + "/8" : pages + " " + rest + "/8";
    }
}
