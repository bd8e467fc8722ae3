package ai.sorot.lambda.aws.state;

import ai.sorot.lambda.aws.testkit.CloudStack;
import ai.sorot.lambda.committee.CommitteeStore;
import ai.sorot.lambda.committee.CommitteeStoreContract;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The committee store contract on DynamoDB: the real SDK client against dynalite, on a table
 * created from the SAM template's definition.
 */
class DynamoCommitteeStoreTest extends CommitteeStoreContract {

    static CloudStack stack;

    @BeforeAll
    static void startStack() {
        stack = CloudStack.create(Map.of());
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Override
    protected CommitteeStore open() {
        return new DynamoCommitteeStore(stack.clients().dynamo(), stack.config().committeeTable());
    }
}
