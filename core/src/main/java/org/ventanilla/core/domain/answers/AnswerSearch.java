package org.ventanilla.core.domain.answers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.ventanilla.core.domain.classification.SpanishFoldingAnalyzer;
import org.ventanilla.core.error.ErrorCode;
import org.ventanilla.core.error.VentanillaException;

/**
 * Full-text search over the current, active approved answers, for agents and self-service: by category
 * and words, accents and case ignored ("alumbrado publico" finds "Alumbrado público"), Spanish stemming.
 * An in-memory Lucene index kept current by the {@link AnswerRegistry} it was built over. Safe to share
 * between threads; close it to free the index.
 */
public final class AnswerSearch implements AutoCloseable {

    private static final String ID = "id";
    private static final String VERSION = "version";
    private static final String CATEGORY = "category";
    private static final String TITLE = "title";
    private static final String TEXT = "text";
    private static final float TITLE_BOOST = 2.0f;

    private final SpanishFoldingAnalyzer analyzer = new SpanishFoldingAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile boolean closed;

    private AnswerSearch() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes the registry's current answers and follows every new version. */
    public static AnswerSearch over(AnswerRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        AnswerSearch search = new AnswerSearch();
        registry.follow(search::index);
        return search;
    }

    /** Puts a version in the index in place of the previous one; an inactive version removes the answer. */
    synchronized void index(ApprovedAnswer answer) {
        if (closed) {
            // The registry outlives a closed search; new versions are simply no longer indexed.
            return;
        }
        try {
            Term id = new Term(ID, answer.id());
            if (answer.active()) {
                Document document = new Document();
                document.add(new StringField(ID, answer.id(), Field.Store.YES));
                document.add(new StoredField(VERSION, answer.version()));
                document.add(new StringField(CATEGORY, answer.categoryCode(), Field.Store.YES));
                document.add(new TextField(TITLE, answer.title(), Field.Store.YES));
                document.add(new TextField(TEXT, answer.sourceText(), Field.Store.NO));
                writer.updateDocument(id, document);
            } else {
                writer.deleteDocuments(id);
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new VentanillaException(ErrorCode.INTERNAL, "indexing answer '" + answer.id() + "' failed", e);
        }
    }

    /**
     * The active answers matching any of the words, best first, at most {@code limit}; only those of
     * {@code categoryCode} when it is not null. With no usable words, every answer of the category (none
     * without a category).
     */
    public List<AnswerHit> search(String categoryCode, String words, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new VentanillaException(ErrorCode.INVALID_INPUT, "search limit (" + limit + ") must be 1 to 1000");
        }
        List<String> tokens = analyzer.tokens(words);
        if (tokens.isEmpty() && categoryCode == null) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (categoryCode != null) {
            query.add(new TermQuery(new Term(CATEGORY, categoryCode)), BooleanClause.Occur.FILTER);
        }
        if (tokens.isEmpty()) {
            query.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        } else {
            BooleanQuery.Builder anyWord = new BooleanQuery.Builder();
            for (String token : tokens) {
                anyWord.add(new BoostQuery(new TermQuery(new Term(TITLE, token)), TITLE_BOOST), BooleanClause.Occur.SHOULD);
                anyWord.add(new TermQuery(new Term(TEXT, token)), BooleanClause.Occur.SHOULD);
            }
            query.add(anyWord.build(), BooleanClause.Occur.MUST);
        }
        return run(query.build(), limit);
    }

    private List<AnswerHit> run(Query query, int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<AnswerHit> hits = new ArrayList<>();
                for (ScoreDoc scoreDoc : searcher.search(query, limit).scoreDocs) {
                    Document document = searcher.storedFields().document(scoreDoc.doc);
                    hits.add(new AnswerHit(document.get(ID), document.getField(VERSION).numericValue().intValue(),
                            document.get(CATEGORY), document.get(TITLE), scoreDoc.score));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new VentanillaException(ErrorCode.INTERNAL, "searching the approved answers failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
