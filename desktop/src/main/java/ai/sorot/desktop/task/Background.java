package ai.sorot.desktop.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs blocking work (PDF, files, HTTP) in a {@link Task} off the FX thread and hands the result
 * back on it. One executor for the app; callers never build their own threads.
 */
public final class Background {

    private final ExecutorService executor;

    public Background(ExecutorService executor) {
        this.executor = executor;
    }

    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        var task = new Task<T>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        executor.execute(task);
        return task;
    }

    public ExecutorService executor() {
        return executor;
    }
}
