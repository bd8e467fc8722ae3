import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The reference for bench/desktop-startup.sh: the least a JavaFX window costs on this machine. */
public class HelloFx extends Application {

    /** Started the way the app is (class path, a main class that is not the Application). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(HelloFx.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        var scene = new Scene(new StackPane(new Label("Hello")), 1360, 860);
        Runnable[] first = new Runnable[1];
        first[0] = () -> {
            scene.removePostLayoutPulseListener(first[0]);
            System.out.println("window-shown-epoch-ms=" + System.currentTimeMillis());
            Platform.exit();
        };
        scene.addPostLayoutPulseListener(first[0]);
        stage.setScene(scene);
        stage.show();
    }
}
