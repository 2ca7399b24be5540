/**
 * Classification of contacts: the {@link org.ventanilla.core.domain.classification.Classifier} proposes a
 * service category from the channel context and the text, the
 * {@link org.ventanilla.core.domain.classification.EmergencyDetector} spots emergencies, and
 * {@link org.ventanilla.core.domain.classification.SpanishFoldingAnalyzer} normalizes Spanish text for
 * both the classifier and answer search.
 */
package org.ventanilla.core.domain.classification;
