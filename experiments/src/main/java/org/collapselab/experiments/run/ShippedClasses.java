package org.collapselab.experiments.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.collapselab.experiments.study.StudyFamily;

/**
 * The Java serialisation filter (JEP 290, {@link ObjectInputFilter}) for everything a Collapse Lab process reads from
 * another process: cell jobs shipped to a child JVM or a cluster member, and the cells they send back. Allowed: the
 * project's classes ({@code org.collapselab.}), the classes of the installed study families (the packages of every
 * {@link StudyFamily} on the class path), and plain JDK values (strings, boxed numbers, enums, the standard lists, sets
 * and maps, arrays of these and of primitives). Everything else is rejected before it is instantiated, as is a stream
 * whose first object is not of the expected type, or that exceeds the size limits below.
 */
public final class ShippedClasses implements ObjectInputFilter {
    /** Deepest object nesting accepted. */
    static final long MAX_DEPTH = 64;
    /** Most object references in one stream. */
    static final long MAX_REFERENCES = 2_000_000;
    /** Longest array. */
    static final long MAX_ARRAY = 200_000_000;
    /** Most bytes in one stream (a language-model job carries its synthetic corpus). */
    static final long MAX_BYTES = 1L << 30;

    private static final Set<String> JDK = Set.of(
            "java.lang.String",
            "java.lang.Boolean",
            "java.lang.Byte",
            "java.lang.Character",
            "java.lang.Short",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Float",
            "java.lang.Double",
            "java.lang.Number",
            "java.lang.Enum",
            "java.math.BigInteger",
            "java.math.BigDecimal",
            "java.util.ArrayList",
            "java.util.LinkedList",
            "java.util.HashMap",
            "java.util.LinkedHashMap",
            "java.util.TreeMap",
            "java.util.HashSet",
            "java.util.LinkedHashSet",
            "java.util.TreeSet",
            "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Set12",
            "java.util.ImmutableCollections$MapN",
            "java.util.ImmutableCollections$Map1",
            "java.util.CollSer",
            "java.util.Arrays$ArrayList",
            "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableSet",
            "java.util.Collections$UnmodifiableSortedMap",
            "java.util.Collections$UnmodifiableSortedSet",
            "java.util.Collections$EmptyList",
            "java.util.Collections$EmptyMap",
            "java.util.Collections$EmptySet",
            "java.util.Collections$SingletonList",
            "java.util.Collections$SingletonMap",
            "java.util.Collections$SingletonSet");
    private static final List<String> PREFIXES = prefixes();

    private final Class<?> root;
    private boolean first = true;
    private String refused;

    private ShippedClasses(Class<?> root) {
        this.root = root;
    }

    /** The filter for one stream whose first object must be a {@code root} (a filter instance serves one stream). */
    public static ObjectInputFilter expecting(Class<?> root) {
        return new ShippedClasses(root);
    }

    /** Reads one {@code root} from {@code in} through the filter; a rejected class is an {@link InvalidClassException}. */
    public static <T> T read(InputStream in, Class<T> root) throws IOException, ClassNotFoundException {
        ShippedClasses filter = new ShippedClasses(root);
        try (ObjectInputStream o = new ObjectInputStream(in)) {
            o.setObjectInputFilter(filter);
            return root.cast(o.readObject());
        } catch (InvalidClassException e) {
            throw filter.refused == null
                    ? e
                    : new InvalidClassException(filter.refused, "refused by the shipped-class filter");
        }
    }

    /** {@link #read(InputStream, Class)} from bytes. */
    public static <T> T read(byte[] bytes, Class<T> root) throws IOException, ClassNotFoundException {
        return read(new ByteArrayInputStream(bytes), root);
    }

    /**
     * Whether objects of class {@code c} may be read: arrays by their element class ({@code Object[]} and the
     * {@code Map.Entry[]} a hash map checks its size with are allowed: their elements are checked one by one).
     */
    public static boolean allowed(Class<?> c) {
        boolean array = c.isArray();
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive()
                || JDK.contains(c.getName())
                || array && (c == Object.class || c == java.util.Map.Entry.class)) {
            return true;
        }
        String name = c.getName();
        return PREFIXES.stream().anyMatch(name::startsWith);
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH
                || info.references() > MAX_REFERENCES
                || info.arrayLength() > MAX_ARRAY
                || info.streamBytes() > MAX_BYTES) {
            refused = "a stream over the limits (depth " + info.depth() + ", references " + info.references() + ")";
            return Status.REJECTED;
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            return Status.ALLOWED; // a back reference or a primitive array's size, within the limits above
        }
        if (first) {
            first = false; // the stream's first class is its first object's (a superclass comes later, one level
            // deeper)
            if (!root.isAssignableFrom(c)) {
                refused = c.getName() + " (not a " + root.getSimpleName() + ")";
                return Status.REJECTED;
            }
        }
        if (allowed(c)) {
            return Status.ALLOWED;
        }
        refused = c.getName();
        return Status.REJECTED;
    }

    private static List<String> prefixes() {
        List<String> out = new ArrayList<>(List.of("org.collapselab."));
        ServiceLoader.load(StudyFamily.class).stream()
                .map(ServiceLoader.Provider::type)
                .forEach(t -> out.add(t.getPackageName() + "."));
        return List.copyOf(out);
    }
}
