package ai.sorot.desktop.connection;

import ai.sorot.model.api.CertificateFingerprint;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks the curator whether a server's certificate is the committee's, the first time the app
 * meets it: shows its SHA-256 fingerprint beside a field for the one the owner handed out, says
 * whether they match, and offers to trust it. A mismatch disables the trust button.
 */
public final class CertificatePrompt {

    public static final ButtonType TRUST = new ButtonType("Trust this server", ButtonBar.ButtonData.OK_DONE);

    private CertificatePrompt() {}

    /** Shows the question and waits; true when the curator trusts the certificate. */
    public static boolean ask(Window owner, UntrustedCertificate certificate) {
        var dialog = dialog(certificate);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog.showAndWait().filter(TRUST::equals).isPresent();
    }

    static Alert dialog(UntrustedCertificate certificate) {
        var alert = new Alert(Alert.AlertType.CONFIRMATION, null, TRUST, ButtonType.CANCEL);
        alert.setTitle("Is this the committee's server?");
        alert.setHeaderText("The server at " + certificate.server()
                + " has a certificate no authority on this computer vouches for.");
        var shown = new TextField(certificate.fingerprint());
        shown.setId("certificate-fingerprint");
        shown.setEditable(false);
        shown.setStyle("-fx-font-family: monospace");
        var owners = new TextField();
        owners.setId("owner-fingerprint");
        owners.setPromptText("Paste the fingerprint the server's owner gave you");
        owners.setStyle("-fx-font-family: monospace");
        var verdict = new Label("Compare every pair with the fingerprint from the owner (printed by ./sorot serve).");
        verdict.setId("fingerprint-verdict");
        verdict.setWrapText(true);
        var trust = alert.getDialogPane().lookupButton(TRUST);
        trust.setId("trust-certificate");
        owners.textProperty().subscribe(typed -> {
            var canonical = CertificateFingerprint.normalize(typed);
            boolean empty = typed == null || typed.isBlank();
            boolean matches = certificate.fingerprint().equals(canonical);
            trust.setDisable(!empty && !matches);
            verdict.setText(
                    empty
                            ? "Compare every pair with the fingerprint from the owner (printed by ./sorot serve)."
                            : matches
                                    ? "The fingerprints match."
                                    : "The fingerprints differ: do not trust this server; tell its owner.");
        });
        var content = new VBox(
                8,
                new Label("This server's SHA-256 fingerprint:"),
                shown,
                owners,
                verdict,
                new Label("Once trusted, this computer accepts only this certificate from " + certificate.server()
                        + "."));
        content.setPrefWidth(620);
        alert.getDialogPane().setContent(content);
        return alert;
    }
}
