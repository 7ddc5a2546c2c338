package com.honeydue.infra.stack;

import com.honeydue.infra.cluster.ClusterConfig;
import com.honeydue.infra.config.ConfigReader;
import com.honeydue.infra.values.Shown;
import java.util.Optional;
import java.util.regex.Pattern;

/** The etcd keys: snapshot schedule, off-site S3 copies, restore. Every value that becomes a k3s flag has a strict form. */
final class EtcdConfigLoader {
    /** One comma-separated part of a cron field: *, n or n-m, each optionally /step. Bounded: no repeated group. */
    private static final Pattern CRON_PART = Pattern.compile("(\\*|[0-9]{1,4}(-[0-9]{1,4})?)(/[0-9]{1,4})?");
    /** S3 endpoint host[:port], bucket, region and folder: every one becomes part of a k3s flag. */
    private static final Pattern S3_ENDPOINT = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(:[0-9]{1,5})?$");
    private static final Pattern S3_BUCKET = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9._-]{1,62}$");
    private static final Pattern S3_REGION = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9_-]{0,62})?$");
    private static final Pattern S3_FOLDER = Pattern.compile("^[A-Za-z0-9._-]{1,100}(/[A-Za-z0-9._-]{1,100}){0,9}$");

    private EtcdConfigLoader() {}

    /** Optional S3 copies of the etcd snapshots (Backblaze B2 is S3-compatible and already in use). */
    static Optional<ClusterConfig.EtcdS3> etcdS3(ConfigReader r) {
        if (!r.bool("etcdS3Enabled")) {
            return Optional.empty();
        }
        String endpoint = r.string("etcdS3Endpoint", S3_ENDPOINT,
                "an S3 endpoint host without scheme, e.g. s3.us-east-005.backblazeb2.com");
        String region = r.string("etcdS3Region", S3_REGION, "an S3 region of letters, digits, '_' and '-', e.g. us-east-005, "
                + "or empty");
        String bucket = r.string("etcdS3Bucket", S3_BUCKET, "an S3 bucket name, e.g. honeydue-etcd-snapshots");
        String folder = r.string("etcdS3Folder");
        if (folder.isEmpty() && !r.hasProblemFor("etcdS3Folder")) {
            folder = "etcd-" + r.stack();
        }
        if (!r.hasProblemFor("etcdS3Folder") && !S3_FOLDER.matcher(folder).matches()) {
            r.problem("etcdS3Folder", Shown.value(folder) + " is not a folder name; expected letters, digits, . _ - and "
                    + "single '/' between parts, e.g. etcd-ovh");
        }
        var access = r.secret("etcdS3AccessKey", true);
        var secret = r.secret("etcdS3SecretKey", true);
        if (access.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClusterConfig.EtcdS3(endpoint, region, bucket, folder, access.get(), secret.get()));
    }

    /** A restore is destructive: it needs the snapshot name AND a confirmation naming stack and snapshot. */
    static Optional<String> restore(ConfigReader r) {
        String snapshot = r.string("etcdRestoreSnapshot");
        String confirm = r.string("etcdRestoreConfirm");
        if (snapshot.isEmpty()) {
            if (!confirm.isEmpty()) {
                r.problem("etcdRestoreConfirm", "is set but etcdRestoreSnapshot is empty; remove it once a restore is done");
            }
            return Optional.empty();
        }
        if (!Pattern.matches("^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$", snapshot)) {
            r.problem("etcdRestoreSnapshot", Shown.value(snapshot) + " is not a snapshot file name; expected a name from "
                    + "'sudo ls /var/lib/rancher/k3s/server/db/snapshots' such as etcd-snapshot-vps-1624d691-1767225600");
            return Optional.empty();
        }
        String expected = r.stack() + ":" + snapshot;
        if (!confirm.equals(expected)) {
            r.problem("etcdRestoreConfirm", "must be exactly '" + expected + "' to restore etcd from " + snapshot
                    + " (got " + Shown.value(confirm) + ")"
                    + "; a restore resets the cluster to that snapshot and loses every change made since");
            return Optional.empty();
        }
        return Optional.of(snapshot);
    }

    /** Five fields separated by spaces, each a comma list of *, n or n-m (optionally /step) within the field's range. */
    static boolean isCron(String cron) {
        if (cron.length() > 100 || !Pattern.matches("[0-9*/,\\- ]+", cron)) {
            return false;
        }
        String[] fields = cron.split(" +", -1);
        if (fields.length != 5) {
            return false;
        }
        int[] max = {59, 23, 31, 12, 7};
        for (int i = 0; i < 5; i++) {
            for (String part : fields[i].split(",", -1)) {
                if (!CRON_PART.matcher(part).matches()) {
                    return false;
                }
                String[] step = part.split("/");
                for (String n : step[0].split("-")) {
                    if (!n.equals("*") && Integer.parseInt(n) > max[i]) {
                        return false;
                    }
                }
                if (step.length > 1 && Integer.parseInt(step[1]) == 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
